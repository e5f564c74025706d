# Russian month names, every form listed (this file is matched without
# automatic inflection); canon = month number (1-12). Tag: month.
# Forms: nominative/accusative (январь), genitive (января: "5 января"),
# dative (январю), instrumental (январем, written with е for ё), prepositional
# (январе: "в январе"). Abbreviations are written without the dot (a
# trailing dot is a separate token) and carry abbr.

# Январь
январь => 1 | month
января => 1 | month
январю => 1 | month
январем => 1 | month
январе => 1 | month

# Февраль
февраль => 2 | month
февраля => 2 | month
февралю => 2 | month
февралем => 2 | month
феврале => 2 | month

# Март
март => 3 | month
марта => 3 | month
марту => 3 | month
мартом => 3 | month
марте => 3 | month

# Апрель
апрель => 4 | month
апреля => 4 | month
апрелю => 4 | month
апрелем => 4 | month
апреле => 4 | month

# Май
май => 5 | month
мая => 5 | month
маю => 5 | month
маем => 5 | month
мае => 5 | month

# Июнь
июнь => 6 | month
июня => 6 | month
июню => 6 | month
июнем => 6 | month
июне => 6 | month

# Июль
июль => 7 | month
июля => 7 | month
июлю => 7 | month
июлем => 7 | month
июле => 7 | month

# Август
август => 8 | month
августа => 8 | month
августу => 8 | month
августом => 8 | month
августе => 8 | month

# Сентябрь
сентябрь => 9 | month
сентября => 9 | month
сентябрю => 9 | month
сентябрем => 9 | month
сентябре => 9 | month

# Октябрь
октябрь => 10 | month
октября => 10 | month
октябрю => 10 | month
октябрем => 10 | month
октябре => 10 | month

# Ноябрь
ноябрь => 11 | month
ноября => 11 | month
ноябрю => 11 | month
ноябрем => 11 | month
ноябре => 11 | month

# Декабрь
декабрь => 12 | month
декабря => 12 | month
декабрю => 12 | month
декабрем => 12 | month
декабре => 12 | month

# Сокращения
янв => 1 | month abbr
фев => 2 | month abbr
февр => 2 | month abbr
мар => 3 | month abbr
апр => 4 | month abbr
июн => 6 | month abbr
июл => 7 | month abbr
авг => 8 | month abbr
сен => 9 | month abbr
сент => 9 | month abbr
окт => 10 | month abbr
ноя => 11 | month abbr
нояб => 11 | month abbr
дек => 12 | month abbr
