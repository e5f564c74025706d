# English days of the week; canon = ISO weekday number (1 = Monday). Tag: weekday.
Monday => 1 | weekday
Tuesday => 2 | weekday
Wednesday => 3 | weekday
Thursday => 4 | weekday
Friday => 5 | weekday
Saturday => 6 | weekday
Sunday => 7 | weekday
Mon => 1 | weekday abbr
Tue => 2 | weekday abbr
Tues => 2 | weekday abbr
Wed => 3 | weekday abbr
Thu => 4 | weekday abbr
Thur => 4 | weekday abbr
Thurs => 4 | weekday abbr
Fri => 5 | weekday abbr
Sat => 6 | weekday abbr
Sun => 7 | weekday abbr
