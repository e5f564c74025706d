# Words that introduce an organization's name in quotes: движение «Солидарность»,
# газета «Ведомости», команда «Спартак». Nominative singular; forms are generated. Tag: orgtype.
движение | orgtype
партия | orgtype
организация | orgtype
объединение | orgtype
общество | orgtype
ассоциация | orgtype
союз | orgtype
фонд | orgtype
центр | orgtype
институт | orgtype
университет | orgtype
академия | orgtype
компания | orgtype
корпорация | orgtype
концерн | orgtype
холдинг | orgtype
группа | orgtype
банк | orgtype
завод | orgtype
фабрика | orgtype
комбинат | orgtype
предприятие | orgtype
клуб | orgtype
команда | orgtype
газета | orgtype
журнал | orgtype
еженедельник | orgtype
ежедневник | orgtype
издание | orgtype
издательство | orgtype
телеканал | orgtype
канал | orgtype
телекомпания | orgtype
радиостанция | orgtype
радио | orgtype
агентство | orgtype
информагентство | orgtype
портал | orgtype
сайт | orgtype
театр | orgtype
музей | orgtype
галерея | orgtype
оператор | orgtype
авиакомпания | orgtype
сеть | orgtype
магазин | orgtype
фирма | orgtype
ПАО | orgtype
ОАО | orgtype
АО | orgtype
ЗАО | orgtype
ООО | orgtype
ТОО | orgtype
ГУП | orgtype
ФГУП | orgtype
МУП | orgtype
НАО | orgtype
АНО | orgtype
РОО | orgtype
ОО | orgtype
# interview and media contexts: в интервью «Голосу Америки», корреспонденту «Известий»
интервью | orgtype context
корреспондент | orgtype context
редакция | orgtype context
