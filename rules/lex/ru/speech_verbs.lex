# Russian speech and report verbs, every form listed (this file is matched
# without automatic inflection). canon = the masculine past form for past
# tense (сказала, сказало, сказали => сказал), the 3rd person singular for
# present tense (говорят => говорит), the masculine short form for opinion
# adjectives (уверена => уверен). The neuter past (сообщило) is listed because
# organizations are often the subject (министерство сообщило, агентство
# заявило). Tags: speech, plus past / pres / opinion.
# "по словам", "по данным", "как сообщает" and the like are phrases for the
# rules, not verbs, and are not listed.

# Прошедшее время (м., ж., ср. род, мн. число)
сказал | speech past
сказала => сказал | speech past
сказало => сказал | speech past
сказали => сказал | speech past

заявил | speech past
заявила => заявил | speech past
заявило => заявил | speech past
заявили => заявил | speech past

отметил | speech past
отметила => отметил | speech past
отметило => отметил | speech past
отметили => отметил | speech past

добавил | speech past
добавила => добавил | speech past
добавило => добавил | speech past
добавили => добавил | speech past

подчеркнул | speech past
подчеркнула => подчеркнул | speech past
подчеркнуло => подчеркнул | speech past
подчеркнули => подчеркнул | speech past

сообщил | speech past
сообщила => сообщил | speech past
сообщило => сообщил | speech past
сообщили => сообщил | speech past

пояснил | speech past
пояснила => пояснил | speech past
пояснило => пояснил | speech past
пояснили => пояснил | speech past

рассказал | speech past
рассказала => рассказал | speech past
рассказало => рассказал | speech past
рассказали => рассказал | speech past

уточнил | speech past
уточнила => уточнил | speech past
уточнило => уточнил | speech past
уточнили => уточнил | speech past

напомнил | speech past
напомнила => напомнил | speech past
напомнило => напомнил | speech past
напомнили => напомнил | speech past

признал | speech past
признала => признал | speech past
признало => признал | speech past
признали => признал | speech past

выразил | speech past
выразила => выразил | speech past
выразило => выразил | speech past
выразили => выразил | speech past

заметил | speech past
заметила => заметил | speech past
заметило => заметил | speech past
заметили => заметил | speech past

указал | speech past
указала => указал | speech past
указало => указал | speech past
указали => указал | speech past

констатировал | speech past
констатировала => констатировал | speech past
констатировало => констатировал | speech past
констатировали => констатировал | speech past

ответил | speech past
ответила => ответил | speech past
ответило => ответил | speech past
ответили => ответил | speech past

возразил | speech past
возразила => возразил | speech past
возразило => возразил | speech past
возразили => возразил | speech past

предупредил | speech past
предупредила => предупредил | speech past
предупредило => предупредил | speech past
предупредили => предупредил | speech past

пообещал | speech past
пообещала => пообещал | speech past
пообещало => пообещал | speech past
пообещали => пообещал | speech past

призвал | speech past
призвала => призвал | speech past
призвало => призвал | speech past
призвали => призвал | speech past

предложил | speech past
предложила => предложил | speech past
предложило => предложил | speech past
предложили => предложил | speech past

объяснил | speech past
объяснила => объяснил | speech past
объяснило => объяснил | speech past
объяснили => объяснил | speech past

заверил | speech past
заверила => заверил | speech past
заверило => заверил | speech past
заверили => заверил | speech past

оценил | speech past
оценила => оценил | speech past
оценило => оценил | speech past
оценили => оценил | speech past

прокомментировал | speech past
прокомментировала => прокомментировал | speech past
прокомментировало => прокомментировал | speech past
прокомментировали => прокомментировал | speech past

проинформировал | speech past
проинформировала => проинформировал | speech past
проинформировало => проинформировал | speech past
проинформировали => проинформировал | speech past

доложил | speech past
доложила => доложил | speech past
доложило => доложил | speech past
доложили => доложил | speech past

написал | speech past
написала => написал | speech past
написало => написал | speech past
написали => написал | speech past

акцентировал | speech past
акцентировала => акцентировал | speech past
акцентировало => акцентировал | speech past
акцентировали => акцентировал | speech past

озвучил | speech past
озвучила => озвучил | speech past
озвучило => озвучил | speech past
озвучили => озвучил | speech past

анонсировал | speech past
анонсировала => анонсировал | speech past
анонсировало => анонсировал | speech past
анонсировали => анонсировал | speech past

заключил | speech past
заключила => заключил | speech past
заключило => заключил | speech past
заключили => заключил | speech past

подытожил | speech past
подытожила => подытожил | speech past
подытожило => подытожил | speech past
подытожили => подытожил | speech past

резюмировал | speech past
резюмировала => резюмировал | speech past
резюмировало => резюмировал | speech past
резюмировали => резюмировал | speech past

посетовал | speech past
посетовала => посетовал | speech past
посетовало => посетовал | speech past
посетовали => посетовал | speech past

допустил | speech past
допустила => допустил | speech past
допустило => допустил | speech past
допустили => допустил | speech past

объявил | speech past
объявила => объявил | speech past
объявило => объявил | speech past
объявили => объявил | speech past

продолжил | speech past
продолжила => продолжил | speech past
продолжило => продолжил | speech past
продолжили => продолжил | speech past

вспомнил | speech past
вспомнила => вспомнил | speech past
вспомнило => вспомнил | speech past
вспомнили => вспомнил | speech past

подтвердил | speech past
подтвердила => подтвердил | speech past
подтвердило => подтвердил | speech past
подтвердили => подтвердил | speech past

опроверг | speech past
опровергла => опроверг | speech past
опровергло => опроверг | speech past
опровергли => опроверг | speech past

спросил | speech past
спросила => спросил | speech past
спросило => спросил | speech past
спросили => спросил | speech past

воскликнул | speech past
воскликнула => воскликнул | speech past
воскликнуло => воскликнул | speech past
воскликнули => воскликнул | speech past

уведомил | speech past
уведомила => уведомил | speech past
уведомило => уведомил | speech past
уведомили => уведомил | speech past

известил | speech past
известила => известил | speech past
известило => известил | speech past
известили => известил | speech past

высказал | speech past
высказала => высказал | speech past
высказало => высказал | speech past
высказали => высказал | speech past

предположил | speech past
предположила => предположил | speech past
предположило => предположил | speech past
предположили => предположил | speech past

процитировал | speech past
процитировала => процитировал | speech past
процитировало => процитировал | speech past
процитировали => процитировал | speech past

отреагировал | speech past
отреагировала => отреагировал | speech past
отреагировало => отреагировал | speech past
отреагировали => отреагировал | speech past

парировал | speech past
парировала => парировал | speech past
парировало => парировал | speech past
парировали => парировал | speech past

сформулировал | speech past
сформулировала => сформулировал | speech past
сформулировало => сформулировал | speech past
сформулировали => сформулировал | speech past

охарактеризовал | speech past
охарактеризовала => охарактеризовал | speech past
охарактеризовало => охарактеризовал | speech past
охарактеризовали => охарактеризовал | speech past

пояснял | speech past
поясняла => пояснял | speech past
поясняло => пояснял | speech past
поясняли => пояснял | speech past

говорил | speech past
говорила => говорил | speech past
говорило => говорил | speech past
говорили => говорил | speech past

сообщал | speech past
сообщала => сообщал | speech past
сообщало => сообщал | speech past
сообщали => сообщал | speech past

заявлял | speech past
заявляла => заявлял | speech past
заявляло => заявлял | speech past
заявляли => заявлял | speech past

отмечал | speech past
отмечала => отмечал | speech past
отмечало => отмечал | speech past
отмечали => отмечал | speech past

подчеркивал | speech past
подчеркивала => подчеркивал | speech past
подчеркивало => подчеркивал | speech past
подчеркивали => подчеркивал | speech past

рассказывал | speech past
рассказывала => рассказывал | speech past
рассказывало => рассказывал | speech past
рассказывали => рассказывал | speech past

считал | speech past
считала => считал | speech past
считало => считал | speech past
считали => считал | speech past

полагал | speech past
полагала => полагал | speech past
полагало => полагал | speech past
полагали => полагал | speech past

уверял | speech past
уверяла => уверял | speech past
уверяло => уверял | speech past
уверяли => уверял | speech past

утверждал | speech past
утверждала => утверждал | speech past
утверждало => утверждал | speech past
утверждали => утверждал | speech past

настаивал | speech past
настаивала => настаивал | speech past
настаивало => настаивал | speech past
настаивали => настаивал | speech past

добавлял | speech past
добавляла => добавлял | speech past
добавляло => добавлял | speech past
добавляли => добавлял | speech past

уточнял | speech past
уточняла => уточнял | speech past
уточняло => уточнял | speech past
уточняли => уточнял | speech past

напоминал | speech past
напоминала => напоминал | speech past
напоминало => напоминал | speech past
напоминали => напоминал | speech past

отвечал | speech past
отвечала => отвечал | speech past
отвечало => отвечал | speech past
отвечали => отвечал | speech past

указывал | speech past
указывала => указывал | speech past
указывало => указывал | speech past
указывали => указывал | speech past

обещал | speech past
обещала => обещал | speech past
обещало => обещал | speech past
обещали => обещал | speech past

признавал | speech past
признавала => признавал | speech past
признавало => признавал | speech past
признавали => признавал | speech past

пожаловался | speech past
пожаловалась => пожаловался | speech past
пожаловалось => пожаловался | speech past
пожаловались => пожаловался | speech past

признался | speech past
призналась => признался | speech past
призналось => признался | speech past
признались => признался | speech past

поделился | speech past
поделилась => поделился | speech past
поделилось => поделился | speech past
поделились => поделился | speech past

высказался | speech past
высказалась => высказался | speech past
высказалось => высказался | speech past
высказались => высказался | speech past

отчитался | speech past
отчиталась => отчитался | speech past
отчиталось => отчитался | speech past
отчитались => отчитался | speech past

# Настоящее время (3-е лицо единственного и множественного числа)
говорит | speech pres
говорят => говорит | speech pres
считает | speech pres
считают => считает | speech pres
отмечает | speech pres
отмечают => отмечает | speech pres
полагает | speech pres
полагают => полагает | speech pres
утверждает | speech pres
утверждают => утверждает | speech pres
подчеркивает | speech pres
подчеркивают => подчеркивает | speech pres
сообщает | speech pres
сообщают => сообщает | speech pres
заявляет | speech pres
заявляют => заявляет | speech pres
поясняет | speech pres
поясняют => поясняет | speech pres
рассказывает | speech pres
рассказывают => рассказывает | speech pres
уверяет | speech pres
уверяют => уверяет | speech pres
пишет | speech pres
пишут => пишет | speech pres
добавляет | speech pres
добавляют => добавляет | speech pres
уточняет | speech pres
уточняют => уточняет | speech pres
напоминает | speech pres
напоминают => напоминает | speech pres
признает | speech pres
признают => признает | speech pres
указывает | speech pres
указывают => указывает | speech pres
замечает | speech pres
замечают => замечает | speech pres
констатирует | speech pres
констатируют => констатирует | speech pres
предупреждает | speech pres
предупреждают => предупреждает | speech pres
настаивает | speech pres
настаивают => настаивает | speech pres
информирует | speech pres
информируют => информирует | speech pres
сетует | speech pres
сетуют => сетует | speech pres

# Краткие прилагательные мнения (он уверен, что...)
уверен | speech opinion
уверена => уверен | speech opinion
уверено => уверен | speech opinion
уверены => уверен | speech opinion
убежден | speech opinion
убеждена => убежден | speech opinion
убеждено => убежден | speech opinion
убеждены => убежден | speech opinion
