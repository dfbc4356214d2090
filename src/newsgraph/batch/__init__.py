"""``newsgraph batch``: analyse many articles into a Parquet dataset, locally (``local.py``) or as an
Apache Spark job (``spark.py``); ``newsgraph load`` stores such a dataset (``load.py``)."""
