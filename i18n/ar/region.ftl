## صفحة المنطقة واللغة: لغة الشخص ولغة الحاسوب، والتنسيقات مع معاينة، وتخطيطات لوحة مفاتيح الحاسوب.

region-title = المنطقة واللغة
    .keywords = لغة;منطقة;محلية;تنسيقات;تنسيق التاريخ;تنسيق الأرقام;القياس;متري;ورق;A4;رسالة;لوحة المفاتيح;تخطيط;إدخال;ترجمة

region-not-running = خدمة اللغة لا تعمل
    .body = تأتي لغة شاشة الدخول والتنسيقات ولوحة المفاتيح من systemd-localed. تعرضها هذه الصفحة من تلقاء نفسها حالما تعمل.
region-unreadable = تعذّرت قراءة إعدادات خدمة اللغة

region-language-heading = اللغة
region-person-language = لغتك
    .desc = تستخدمها التطبيقات وسطح المكتب بدءًا من دخولك التالي.
region-person-unset = غير مختارة: لغة شاشة الدخول
region-person-unavailable = تتعذّر قراءة لغة حسابك الآن.
region-machine-language = شاشة الدخول والحسابات الجديدة
    .desc = لغة شاشة الدخول ولغة من لم يختر لغة. يتطلب تغييرها مديرًا.
region-unset = غير محددة
region-change = تغيير…
region-close = إغلاق القائمة

region-formats-heading = التنسيقات
region-formats = التواريخ والأرقام والقياس والورق
    .desc = تُكتب كما في هذه المنطقة، لكل من يستخدم هذا الحاسوب. يتطلب تغييرها مديرًا.
region-preview = معاينة
region-preview-date = التاريخ
region-preview-short-date = التاريخ بالأرقام
region-preview-number = رقم
region-preview-measurement = القياس
region-preview-paper = الورق
region-preview-name = معاينة: { $date }؛ { $short }؛ { $number }؛ { $measurement }؛ { $paper }
region-measurement-metric = متري
region-measurement-us = الوحدات الأمريكية (البوصة، الرطل)
region-paper-a4 = A4
region-paper-letter = رسالة أمريكية (Letter)

region-keyboard-heading = تخطيطات لوحة المفاتيح
region-keyboard-explained = تبدأ شاشة الدخول والجلسات الجديدة بهذه التخطيطات؛ ويُستخدم الأول أولًا. يتطلب تغييرها مديرًا.
region-keyboard-none = لم يُحدَّد أي تخطيط: لوحة المفاتيح إنجليزية (الولايات المتحدة).
region-layout-first = استخدامه أولًا
region-layout-remove = إزالة
region-layout-add = إضافة تخطيط…

region-picker-title = إضافة تخطيط للوحة المفاتيح
region-picker-search = البحث في التخطيطات
region-picker-loading = تُقرأ تخطيطات لوحة المفاتيح…
region-picker-none = لا يطابق أي تخطيط «{ $query }».
region-picker-more = تطابق تخطيطات أخرى: اكتب المزيد من الاسم.
region-cancel = إلغاء

region-changing-person = تُضبط لغتك على { $language }…
region-changing-language = تُضبط لغة شاشة الدخول على { $language }…
region-changing-formats = تُضبط التنسيقات على تنسيقات { $language }…
region-changing-keyboard = تُضبط تخطيطات لوحة المفاتيح…

region-error-person-refused = لم تتغير لغتك: لم يسمح حسابك بذلك.
region-error-language-refused = لم تتغير لغة شاشة الدخول: لم يسمح مدير بذلك.
region-error-formats-refused = لم تتغير التنسيقات: لم يسمح مدير بذلك.
region-error-keyboard-refused = لم تتغير تخطيطات لوحة المفاتيح: لم يسمح مدير بذلك.
region-error-invalid = رُفض التغيير: هذا الحاسوب لا يعرف هذه اللغة أو هذا التخطيط.
region-error-no-account = لم تتغير لغتك: خدمة الحسابات لا تعرف حسابك.
region-error-accounts-gone = لم تتغير لغتك: خدمة الحسابات لا تعمل.
region-error-gone = لم يتغير شيء: خدمة اللغة لا تعمل.
region-error-no-answer = لم تُجب خدمة اللغة. ربما لم يُجرَ التغيير؛ تعرض الصفحة ما تقوله الخدمة حالما تُجيب.
region-error-failed = فشل التغيير؛ لم يتغير شيء.
