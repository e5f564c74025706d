# Quantity qualifiers that stand before a number ("более 100", "около
# 5 тысяч", "не менее трех"). canon is one of: more, less, about, at_least,
# at_most. Tag: qual. Every form is written out (comparatives do not inflect).
# "от" (от 5 до 10) and "с лишним" / "с небольшим" (after the number) are
# range and postfix forms left to the rules.

# more
более => more | qual
более чем => more | qual
больше => more | qual
больше чем => more | qual
свыше => more | qual
сверх => more | qual
чуть более => more | qual
чуть больше => more | qual
чуть свыше => more | qual
немногим более => more | qual
немногим больше => more | qual
несколько более => more | qual
значительно более => more | qual
значительно больше => more | qual
гораздо более => more | qual
гораздо больше => more | qual
намного больше => more | qual
намного более => more | qual

# less
менее => less | qual
менее чем => less | qual
меньше => less | qual
меньше чем => less | qual
чуть менее => less | qual
чуть меньше => less | qual
немногим менее => less | qual
немногим меньше => less | qual
несколько менее => less | qual
значительно менее => less | qual
значительно меньше => less | qual
гораздо меньше => less | qual
намного меньше => less | qual
ниже => less | qual

# about
около => about | qual
почти => about | qual
почти что => about | qual
примерно => about | qual
приблизительно => about | qual
порядка => about | qual
ориентировочно => about | qual
приблизительно около => about | qual
примерно около => about | qual
где-то => about | qual
где-то около => about | qual
что-то около => about | qual
в районе => about | qual
без малого => about | qual
ориентировочно около => about | qual
едва ли не => about | qual
практически => about | qual
чуть ли не => about | qual

# at_least
не менее => at_least | qual
не менее чем => at_least | qual
не меньше => at_least | qual
не меньше чем => at_least | qual
по меньшей мере => at_least | qual
по крайней мере => at_least | qual
как минимум => at_least | qual
минимум => at_least | qual
не ниже => at_least | qual
начиная с => at_least | qual

# at_most
до => at_most | qual
вплоть до => at_most | qual
не более => at_most | qual
не более чем => at_most | qual
не больше => at_most | qual
не больше чем => at_most | qual
не свыше => at_most | qual
не выше => at_most | qual
как максимум => at_most | qual
максимум => at_most | qual
самое большее => at_most | qual
в пределах => at_most | qual
