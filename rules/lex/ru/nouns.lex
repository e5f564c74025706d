# Common counted nouns in the nominative singular (inflected forms are generated), so a
# figure's unit gets its lemma even where the endings alone are ambiguous ("стран" → страна).
# Tag: noun (and m/f/n gender). A form the endings cannot make is listed with its lemma
# ("лет => год"); lemma() gives that.
страна | noun f
школа | noun f
участник | noun m
участница | noun f
человек | noun m
ребенок => ребенок | noun m
# a vowel that drops out (ребенок, ребенка; день, дня) is beyond the endings table
ребенка => ребенок | noun m
ребенку => ребенок | noun m
ребенком => ребенок | noun m
ребенке => ребенок | noun m
дети => ребенок | noun m
детей => ребенок | noun m
детям => ребенок | noun m
детьми => ребенок | noun m
детях => ребенок | noun m
год | noun m
лет => год | noun m
месяц | noun m
день | noun m
дня => день | noun m
дню => день | noun m
днем => день | noun m
дни => день | noun m
дней => день | noun m
дням => день | noun m
днями => день | noun m
днях => день | noun m
неделя | noun f
час | noun m
минута | noun f
направление | noun n
проект | noun m
программа | noun f
организация | noun f
компания | noun f
предприятие | noun n
учреждение | noun n
город | noun m
область | noun f
район | noun m
регион | noun m
село | noun n
делегация | noun f
делегат | noun m
эксперт | noun m
специалист | noun m
студент | noun m
учащийся | noun m
ученик | noun m
учитель | noun m
педагог | noun m
врач | noun m
больница | noun f
семья | noun f
житель | noun m
гражданин | noun m
сотрудник | noun m
работник | noun m
рабочий | noun m
место | noun n
рабочее место | noun n
случай | noun m
документ | noun m
закон | noun m
соглашение | noun n
договор | noun m
меморандум | noun m
площадка | noun f
мероприятие | noun n
конференция | noun f
встреча | noun f
заседание | noun n
сессия | noun f
доклад | noun m
рекомендация | noun f
предложение | noun n
заявка | noun f
объект | noun m
здание | noun n
дом | noun m
квартира | noun f
километр | noun m
метр | noun m
гектар | noun m
тонна | noun f
литр | noun m
кубометр | noun m
мегаватт | noun m
киловатт | noun m
процент => процент | noun m
балл | noun m
место | noun n
медаль | noun f
команда | noun f
спортсмен | noun m
волонтер | noun m
пациент | noun m
больной | noun m
пострадавший | noun m
погибший | noun m
турист | noun m
мигрант | noun m
беженец => беженец | noun m
беженцы => беженец | noun m
детский сад | noun m
сад | noun m
университет | noun m
вуз | noun m
колледж | noun m
центр | noun m
книга | noun f
экземпляр | noun m
машина | noun f
автомобиль | noun m
автобус | noun m
вагон | noun m
самолет | noun m
рейс | noun m
маршрут | noun m
дорога | noun f
мост | noun m
пункт | noun m
позиция | noun f
вопрос | noun m
проблема | noun f
мера | noun f
инициатива | noun f
грант | noun m
стипендия | noun f
кредит | noun m
инвестиция | noun f
вакансия | noun f
голос | noun m
избиратель | noun m
кандидат | noun m
депутат | noun m
партия | noun f
член | noun m
представитель | noun m
посетитель | noun m
зритель | noun m
животное | noun n
дерево | noun n
вид | noun m
образец | noun m
