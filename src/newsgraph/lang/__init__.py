"""Language data: word and label lists, apart from the code that uses them."""
