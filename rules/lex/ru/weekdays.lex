# Russian days of the week in the nominative (forms are generated); canon = ISO weekday number.
понедельник => 1 | weekday
вторник => 2 | weekday
среда => 3 | weekday homograph
четверг => 4 | weekday
пятница => 5 | weekday
суббота => 6 | weekday
воскресенье => 7 | weekday
