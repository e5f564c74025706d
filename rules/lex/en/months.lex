# English month names and abbreviations; canon = month number (1-12).
# Abbreviations are written without the dot (a trailing dot is the same token).
# "March", "May" and the abbreviation "Mar" are also ordinary English words:
# they carry the tag homograph (rules may want capitalization before trusting them).

# Full names
January => 1 | month
February => 2 | month
March => 3 | month homograph
April => 4 | month
May => 5 | month homograph
June => 6 | month
July => 7 | month
August => 8 | month
September => 9 | month
October => 10 | month
November => 11 | month
December => 12 | month

# Abbreviations
Jan => 1 | month abbr
Feb => 2 | month abbr
Febr => 2 | month abbr
Mar => 3 | month abbr homograph
Apr => 4 | month abbr
Jun => 6 | month abbr
Jul => 7 | month abbr
Aug => 8 | month abbr
Sep => 9 | month abbr
Sept => 9 | month abbr
Oct => 10 | month abbr
Nov => 11 | month abbr
Dec => 12 | month abbr
