# Dates as the newsroom prints them: "11 May 2016" (capitals come from CSS).
DATE_FORMAT = "j M Y"
