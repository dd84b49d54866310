## Ferrum Settings: the window, its sidebar and search

app-title = الإعدادات
search-placeholder = ابحث في الإعدادات
search-label = ابحث في الإعدادات
search-no-results = لا توجد إعدادات تطابق «{ $query }».
theme-toggle-dark = النمط الداكن
theme-toggle-light = النمط الفاتح
unknown-panel = لا توجد صفحة إعدادات باسم «{ $panel }». تُعرض صفحة «{ $fallback }» بدلًا منها.
unknown-panel-detail = الصفحات المعروفة: { $known }

## The one error surface every page shares

error-details-show = التفاصيل
error-details-hide = إخفاء التفاصيل
error-copy = نسخ التفاصيل
error-dismiss = إغلاق
control-about = { $control }: { $subject }

## Service states shared by every page

service-loading = جارٍ التحميل…
service-bus-unreachable = تعذّر الوصول إلى ناقل رسائل النظام، لذا لا يمكن قراءة الإعدادات أو تغييرها. جارٍ إعادة المحاولة…

## Power page

power-title = الطاقة
    .keywords = الطاقة;البطارية;الشحن;الأداء;متوازن;توفير الطاقة;الوضع;صحة البطارية;الكهرباء;موصول;power;battery;performance;ac
power-mode-heading = وضع الطاقة
profile-performance = الأداء
    .desc = أداء واستهلاك طاقة مرتفعان.
profile-balanced = متوازن
    .desc = أداء واستهلاك طاقة قياسيان.
profile-power-saver = توفير الطاقة
    .desc = أداء واستهلاك طاقة منخفضان.
profile-unknown = { $name }
    .desc = وضع طاقة يوفّره هذا الحاسوب.
profile-driver = برنامج التشغيل: { $driver }
profile-switching = جارٍ التبديل…
degraded-lap-detected = وضع الأداء مقيَّد مؤقتًا لأن الحاسوب موضوع على الحِضن.
degraded-high-temperature = وضع الأداء مقيَّد مؤقتًا لأن حرارة الحاسوب مرتفعة جدًا.
degraded-other = وضع الأداء مقيَّد مؤقتًا ({ $reason }).
holds-heading = طلبات التطبيقات
hold-row = يطلب { $app } وضع «{ $profile }»: { $reason }
hold-row-no-reason = يطلب { $app } وضع «{ $profile }»
power-profiles-unavailable = أوضاع الطاقة غير متاحة
    .body = خدمة ملفات تعريف الطاقة (power-profiles-daemon) لا تعمل. ستُحدَّث هذه الصفحة تلقائيًا عند بدء تشغيلها.
power-profiles-failed = تعذّرت قراءة أوضاع الطاقة.
power-profile-not-authorized = ليس لديك إذن بتغيير وضع الطاقة.
power-profile-not-offered = لا يوفّر هذا الحاسوب وضع «{ $profile }».
power-profile-service-gone = تعذّر تغيير وضع الطاقة لأن خدمة ملفات تعريف الطاقة توقفت.
power-profile-failed = تعذّر تغيير وضع الطاقة.
power-profile-no-answer = لم يستجب power-profiles-daemon في الوقت المناسب. تعرض الصفحة آخر وضع طاقة أبلغ عنه وتتبع أي تغيير يجريه لاحقًا.

## Battery section of the Power page

battery-heading = البطارية
battery-percent = { $percent }%
battery-name = { $vendor } { $model }
battery-name-unknown = البطارية
battery-state-charging = قيد الشحن
battery-state-discharging = على طاقة البطارية
battery-state-empty = فارغة
battery-state-fully-charged = مشحونة بالكامل
battery-state-pending-charge = لا تشحن
battery-state-pending-discharge = في انتظار التفريغ
battery-state-unknown = الحالة غير معروفة
battery-time-to-empty = الوقت المتبقي: { $time }
battery-time-to-full = { $time } حتى يكتمل الشحن
duration-hours-minutes = { $hours ->
    [one] ساعة واحدة
    [two] ساعتان
    [few] { $hours } ساعات
   *[other] { $hours } ساعة
} و{ $minutes ->
    [one] دقيقة واحدة
    [two] دقيقتان
    [few] { $minutes } دقائق
   *[other] { $minutes } دقيقة
}
duration-minutes = { $minutes ->
    [one] دقيقة واحدة
    [two] دقيقتان
    [few] { $minutes } دقائق
   *[other] { $minutes } دقيقة
}
battery-health = صحة البطارية
battery-health-value = { $percent }% من السعة التصميمية ({ $full } واط ساعة من أصل { $design } واط ساعة)
battery-cycles = { $cycles ->
    [one] دورة شحن واحدة
    [two] دورتا شحن
    [few] { $cycles } دورات شحن
   *[other] { $cycles } دورة شحن
}
battery-rate = { $watts } واط
power-source = مصدر الطاقة
power-source-ac = موصول بالكهرباء
power-source-battery = على طاقة البطارية
no-batteries = لا توجد بطارية في هذا الحاسوب.
upower-unavailable = معلومات البطارية غير متاحة
    .body = خدمة معلومات الطاقة (UPower) لا تعمل. ستُحدَّث هذه الصفحة تلقائيًا عند بدء تشغيلها.
upower-failed = تعذّرت قراءة معلومات البطارية.

## About page

about-title = حول
    .keywords = حول;النظام;الإصدار;النواة;اسم الجهاز;اسم المضيف;الذاكرة;المعالج;نظام التشغيل;معلومات;about;kernel;hostname;cpu;os
about-os = نظام التشغيل
about-kernel = النواة
about-hostname = اسم الجهاز
about-processor = المعالج
about-memory = الذاكرة
about-memory-value = { $gib } GiB
about-unknown = غير معروف
about-read-failed = تعذّرت قراءة معلومات النظام.
about-network-name = الاسم على الشبكة
about-rename = إعادة التسمية…
about-rename-unavailable = لا يمكن إعادة تسمية الحاسوب: خدمة اسم المضيف لا تعمل.
about-rename-title = إعادة تسمية هذا الحاسوب
about-rename-hint = اسم الجهاز هو ما يراه الآخرون، عبر البلوتوث مثلًا. أما الاسم على الشبكة فيعرّف الحاسوب على الشبكات، ويتبع اسم الجهاز إلى أن تغيّره.
about-rename-pretty = اسم الجهاز
about-rename-static = الاسم على الشبكة
about-rename-save = إعادة التسمية
about-rename-cancel = إلغاء
about-renaming = تجري إعادة تسمية الحاسوب…
about-rename-pretty-empty = اكتب اسمًا للجهاز.
about-rename-pretty-control = لا يمكن أن يحتوي اسم الجهاز على مسافات جدولة أو فواصل أسطر.
about-rename-pretty-long = اسم الجهاز طويل جدًا. استخدم اسمًا أقصر.
about-rename-static-empty = اكتب اسمًا على الشبكة.
about-rename-static-characters = لا يمكن أن يحتوي الاسم على الشبكة إلا على الحروف اللاتينية من a إلى z والأرقام والشرطات.
about-rename-static-long = لا يمكن أن يتجاوز الاسم على الشبكة 64 حرفًا.
about-rename-static-hyphen = لا يمكن أن يبدأ الاسم على الشبكة بشرطة أو ينتهي بها.
about-rename-refused = لم يتغيّر الاسم: لم يسمح بذلك أحد المسؤولين.
about-rename-gone = لم يتغيّر الاسم: خدمة اسم المضيف لا تعمل.
about-rename-no-answer = لم تستجب خدمة اسم المضيف. ربما لم يتغيّر الاسم؛ ستعرض الصفحة ما تقوله الخدمة حين تستجيب.
about-rename-invalid = لم تقبل خدمة اسم المضيف هذا الاسم.
about-rename-failed = تعذّر تغيير الاسم.
about-rename-partial = تغيّر اسم الجهاز، لكن الاسم على الشبكة لم يتغيّر. تعرض الصفحة الأسماء الحالية للحاسوب.

## Accessibility page

a11y-title = إمكانية الوصول
    .keywords = إمكانية الوصول;الإتاحة;قارئ الشاشة;النطق;الكلام;الصوت;التباين;حجم النص;نص كبير;التكبير;الحركة;الرسوم المتحركة;لوحة المفاتيح;accessibility;a11y;screen reader;orca
a11y-seeing-heading = الرؤية
a11y-hearing-heading = السمع والنطق
a11y-high-contrast = تباين عالٍ
    .desc = ألوان وحدود أقوى يسهل التمييز بينها.
a11y-text-scale = حجم النص
    .desc = يكبّر النص وعناصر التحكم.
a11y-text-scale-value = { $percent }%
a11y-reduced-motion = تقليل الحركة
    .desc = يوقف الرسوم المتحركة وتأثيرات الحركة.
a11y-self-voicing = نطق العنصر الذي عليه التركيز
    .desc = يقرأ كل عنصر تحكم بصوت عالٍ عندما ينتقل إليه تركيز لوحة المفاتيح، دون الحاجة إلى قارئ شاشة منفصل.
a11y-speech-unavailable = النطق غير متاح: خدمة النطق (speech-dispatcher) لا تعمل.
a11y-preferences-not-saved = تعذّر حفظ إعدادات إمكانية الوصول؛ ستبقى سارية حتى تغلق الإعدادات.
a11y-preferences-invalid = تعذّرت قراءة إعدادات إمكانية الوصول المحفوظة، لذا تُستخدم الإعدادات الافتراضية.

## Words self-voicing and screen readers use

role-button = زر
role-switch = مفتاح تبديل
role-check-box = مربع اختيار
role-radio-button = زر اختيار
role-radio-group = مجموعة خيارات
role-slider = منزلق
role-list-item = عنصر قائمة
role-list = قائمة
role-text-input = حقل نص
role-password-input = حقل كلمة المرور
role-heading = عنوان
role-label = نص
role-group = مجموعة
role-progress = شريط التقدم
role-alert = تنبيه
state-on = مفعّل
state-off = غير مفعّل
state-selected = محدد
state-unavailable = غير متاح
secret-characters = { $count ->
    [zero] { $count } حرف
    [one] حرف واحد
    [two] حرفان
    [few] { $count } أحرف
    [many] { $count } حرفًا
   *[other] { $count } حرف
}

# Started without a display (printed, one sentence).
no-display = لا يمكن عرض أي نافذة: لا توجد شاشة Wayland (المتغير WAYLAND_DISPLAY غير مضبوط)؛ شغّله من جلسة Wayland.
no-display-socket = لا يمكن عرض أي نافذة: شاشة Wayland ‏{ $path } غير موجودة.

# Said when reading aloud is turned on or off.
voicing-on = القراءة بصوت عالٍ مفعّلة
voicing-off = القراءة بصوت عالٍ معطّلة
upower-no-answer = لم يستجب UPower في الوقت المحدد، لذا حالة البطارية غير معروفة.

# A percentage (a level, a volume).
percent-value = { $percent }%

# A size in bytes, kilobytes (1000 bytes), megabytes and gigabytes.
size-bytes = { $size } بايت
size-kb = { $size } ك.بايت
size-mb = { $size } م.بايت
size-gb = { $size } ج.بايت
