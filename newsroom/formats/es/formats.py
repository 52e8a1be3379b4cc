# "11 mayo 2016": Spanish style writes the month in full.
DATE_FORMAT = "j F Y"
