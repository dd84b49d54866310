## The Date & Time page: the clock, automatic time, the time zone, the 24-hour clock.

date-time-title = التاريخ والوقت
    .keywords = التاريخ;تاريخ;الوقت;وقت;الساعة;ساعة;المنطقة الزمنية;منطقة زمنية;NTP;الوقت التلقائي;وقت الشبكة;24 ساعة;12 ساعة;UTC;التقويم;date;time;clock;time zone;timezone

date-time-not-running = خدمة الوقت لا تعمل
    .body = تأتي إعدادات التاريخ والوقت من systemd-timedated. تعرضها هذه الصفحة من تلقاء نفسها بمجرد أن تعمل.
date-time-unreadable = تعذّرت قراءة إعدادات خدمة الوقت

# The live clock as a screen reader hears it.
date-time-clock-name = { $time }، { $date }
# The machine's zone with its offset: "Berlin (Europe), UTC+01:00".
date-time-zone-line = { $zone }، { $offset }
date-time-utc = UTC
# $offset is written with its sign: "+01:00", "−03:30".
date-time-offset = UTC{ $offset }

date-time-time-heading = الوقت
date-time-automatic = التاريخ والوقت تلقائيًا
    .desc = يُضبطان من خوادم الوقت في الشبكة.
date-time-automatic-synchronized = يُضبطان من خوادم الوقت في الشبكة؛ الساعة متزامنة.
date-time-automatic-unavailable = الوقت التلقائي غير متاح: لا توجد خدمة لمزامنة الوقت مثبتة على هذا الحاسوب.
date-time-turning-automatic-on = جارٍ تشغيل الوقت التلقائي…
date-time-turning-automatic-off = جارٍ إيقاف الوقت التلقائي…

date-time-manual-open = ضبط التاريخ والوقت…
date-time-manual-title = ضبط التاريخ والوقت
date-time-manual-hint = الوقت بحسب المنطقة الزمنية لهذا الحاسوب، بنظام 24 ساعة.
date-time-manual-date = التاريخ (السنة-الشهر-اليوم)
date-time-manual-time = الوقت (الساعات:الدقائق)
date-time-manual-set = اضبط
date-time-setting-time = جارٍ ضبط الساعة…
date-time-manual-date-form = اكتب التاريخ بصيغة السنة-الشهر-اليوم، مثل 2026-12-07.
date-time-manual-no-such-day = لا يوجد يوم كهذا. تحقّق من الشهر واليوم.
date-time-manual-year-range = اختر سنة من 1970 إلى 2199.
date-time-manual-time-form = اكتب الوقت بصيغة الساعات:الدقائق، مثل 14:05.
date-time-manual-no-such-time = لا يوجد وقت كهذا. الساعات من 0 إلى 23، والدقائق من 0 إلى 59.
date-time-cancel = إلغاء

date-time-zone-heading = المنطقة الزمنية
date-time-zone-change = تغيير المنطقة الزمنية…
date-time-changing-zone = جارٍ تغيير المنطقة الزمنية إلى { $zone }…
date-time-picker-title = اختيار منطقة زمنية
date-time-picker-search = ابحث باسم المدينة أو المنطقة أو البلد
date-time-picker-loading = جارٍ قراءة المناطق الزمنية…
date-time-picker-none = لا توجد منطقة زمنية تطابق «{ $query }».
date-time-picker-more = تطابق مناطق زمنية أخرى: اكتب المزيد من الاسم لتضييق القائمة.
# A zone's local time now, what a screen reader hears after the zone.
date-time-picker-local = الوقت المحلي: { $time }

date-time-clock-heading = الساعة
date-time-24-hour = ساعة بنظام 24 ساعة
    .desc = 14:00 بدلًا من 2:00 م. هذا اختيارك أنت؛ ولا يغيّر ساعة الحاسوب.

date-time-error-zone-refused = لم تتغيّر المنطقة الزمنية: لم يسمح بذلك أحد المسؤولين.
date-time-error-automatic-refused = لم يتغيّر الوقت التلقائي: لم يسمح بذلك أحد المسؤولين.
date-time-error-time-refused = لم تُضبط الساعة: لم يسمح بذلك أحد المسؤولين.
date-time-error-unknown-zone = لا يعرف هذا الحاسوب المنطقة الزمنية { $zone }.
date-time-error-gone = توقفت خدمة الوقت قبل إجراء التغيير. لم يتغيّر شيء؛ حاول مرة أخرى.
date-time-error-no-answer = لم تستجب خدمة الوقت. ربما لم يُجرَ التغيير؛ تعرض الصفحة ما تقوله الخدمة بمجرد أن تستجيب.
date-time-error-automatic-on = لا يمكن ضبط الساعة يدويًا ما دام الوقت التلقائي مشغّلًا.
date-time-error-skipped = الوقت { $time } غير موجود في هذه المنطقة الزمنية (تتخطّاه الساعات). اختر وقتًا آخر.
date-time-error-failed = لم يُجرَ التغيير: أبلغت خدمة الوقت عن عطل.
