# صفحة الطابعات (CUPS؛ التغييرات التي يجب أن يسمح بها مسؤول تمر عبر cups-pk-helper وpolkit؛
# ويُعثر على طابعات الشبكة عبر Avahi).

printers-title = الطابعات
    .keywords = طابعة;طابعات;الطابعات;طباعة;اطبع;قائمة الانتظار;مهام الطباعة;مهام;حبر;خرطوشة;حبر مسحوق;تونر;ورق;ماسح ضوئي;سكانر;طابعة شبكية;printer;print;cups;ipp;airprint;driverless

## قائمة الطابعات.
printers-none = لم تُضف أي طابعة بعد.
printers-add = إضافة طابعة…
printers-default-mark = الطابعة الافتراضية
printers-set-default = جعلها الافتراضية
printers-pause = إيقاف مؤقت
printers-resume = استئناف
printers-test-page = طباعة صفحة اختبار
printers-test-page-sent = أُرسلت صفحة اختبار إلى { $printer }.
printers-rename = إعادة التسمية
printers-rename-field = الاسم الجديد
printers-rename-save = حفظ
printers-rename-cancel = إلغاء
printers-remove = إزالة
printers-remove-question = إزالة «{ $printer }»؟
printers-remove-explain = ستُلغى مهام الطباعة المنتظرة الخاصة بها. يمكنك إضافتها مرة أخرى لاحقًا.
printers-remove-confirm = إزالة
printers-remove-cancel = إلغاء
printers-details = التفاصيل
printers-hide-details = إخفاء التفاصيل
printers-options = الخيارات الافتراضية
printers-jobs-heading = مهام الطباعة
printers-location = الموقع
printers-address = العنوان
printers-model = الطراز
printers-dismiss = إغلاق
printers-ink-heading = الحبر والتونر
printers-ink-level = { $marker }: { $percent }%
printers-waste-level = { $marker }: ‏{ $percent }% مساحة متبقية
printers-ink-unknown = { $marker }: المستوى غير معروف
printers-ink-none = لا تُبلغ الطابعة عن مستويات الحبر أو التونر.

## حالات الطابعة وأسبابها، بكلمات بسيطة.
printers-state-idle = جاهزة
printers-state-printing = تطبع
printers-state-stopped = متوقفة مؤقتًا
printers-state-not-accepting = لا تقبل مهام طباعة جديدة
printers-reason-media-empty = نفد الورق.
printers-reason-media-jam = انحشر الورق.
printers-reason-media-low = الورق على وشك النفاد.
printers-reason-offline = الطابعة غير متصلة.
printers-reason-toner-low = التونر منخفض.
printers-reason-toner-empty = نفد التونر.
printers-reason-marker-low = الحبر منخفض.
printers-reason-marker-empty = نفد الحبر.
printers-reason-waste-full = وعاء فضلات الحبر أو التونر ممتلئ.
printers-reason-cover-open = أحد الأغطية مفتوح.
printers-reason-door-open = أحد الأبواب مفتوح.
printers-reason-tray-missing = أحد أدراج الورق غير موجود.
printers-reason-output-full = درج الإخراج ممتلئ.
printers-reason-shutdown = الطابعة مطفأة.
printers-reason-missing-filter = ينقص برنامج لازم للطباعة على هذه الطابعة.
printers-reason-paused = أوقفها مسؤول مؤقتًا.
printers-reason-connecting = جارٍ الاتصال بالطابعة…
printers-reason-other = تُبلغ الطابعة عن «{ $reason }».

## مهام الطباعة.
printers-jobs-none = لا توجد مهام طباعة منتظرة.
printers-job-title-unknown = مستند بلا عنوان
printers-job-private = مستند شخص آخر
printers-job-line = { $title } — { $owner }
printers-job-pages = { $pages ->
    [zero] { $pages } صفحة
    [one] صفحة واحدة
    [two] صفحتان
    [few] { $pages } صفحات
    [many] { $pages } صفحةً
   *[other] { $pages } صفحة
}
printers-job-pending = في الانتظار
printers-job-held = معلّقة
printers-job-processing = تُطبع الآن
printers-job-stopped = متوقفة
printers-job-canceled = أُلغيت
printers-job-aborted = فشلت
printers-job-completed = طُبعت
printers-job-cancel = إلغاء
printers-job-hold = تعليق
printers-job-release = استئناف
printers-jobs-cancel-mine = إلغاء كل مهام الطباعة الخاصة بي

## الخيارات (الإعدادات الافتراضية للطابعة نفسها).
printers-option-media = حجم الورق
printers-option-sides = الطباعة على الوجهين
printers-sides-one = على وجه واحد
printers-sides-long = على الوجهين، الحافة الطويلة (كتاب)
printers-sides-short = على الوجهين، الحافة القصيرة (دفتر ملاحظات)
printers-option-color = الألوان
printers-color-color = ملوّن
printers-color-monochrome = أبيض وأسود
printers-color-auto = تلقائي
printers-option-quality = الجودة
printers-quality-draft = مسودة
printers-quality-normal = عادية
printers-quality-high = عالية

## إضافة طابعة.
printers-add-heading = إضافة طابعة
printers-add-close = إغلاق
printers-add-searching = جارٍ البحث عن طابعات على الشبكة…
printers-add-none-found = لم يُعثر على أي طابعة على الشبكة بعد. يمكنك إضافة طابعة بعنوانها.
printers-add-discovery-unavailable = يتعذّر البحث عن طابعات على الشبكة: خدمة الاكتشاف (Avahi) لا تعمل. لا يزال بإمكانك إضافة طابعة بعنوانها.
printers-add-found = { $host } ({ $address })
printers-add-discovery-failed = فشل البحث عن طابعات على الشبكة.
printers-add-this = إضافة
printers-add-added = مُضافة بالفعل
printers-add-needs-driver = تحتاج إلى برنامج تشغيل غير موجود في Ferrum: لا يمكن إضافة إلا الطابعات التي تعمل دون برنامج تشغيل (IPP Everywhere وAirPrint).
printers-add-by-address = إضافة بالعنوان
printers-add-address-field = العنوان (ipp://‎ أو ipps://‎ أو اسم مضيف)
printers-add-address-button = إضافة
printers-added = أُضيفت { $printer }.

## أخطاء العنوان، تُذكر قبل سؤال CUPS.
printers-address-empty = اكتب عنوان الطابعة.
printers-address-scheme = لا يمكن استخدام إلا عناوين ipp://‎ وipps://‎ (أو اسم مضيف).
printers-address-host = «{ $host }» ليس اسم مضيف ولا عنوان IP صالحًا.
printers-address-port = يجب أن يكون المنفذ رقمًا من 1 إلى 65535.
printers-address-spaces = لا يمكن أن يحتوي العنوان على مسافات.
printers-address-path = الجزء الذي يلي اسم المضيف ليس مسار طابعة صالحًا.

## أخطاء الاسم.
printers-name-empty = اكتب اسمًا للطابعة.
printers-name-invalid = لا يمكن أن يحتوي اسم الطابعة على مسافات أو «/» أو «#»، ولا يزيد طوله على 127 حرفًا.
printers-name-too-long = يمكن أن يتكوّن اسم الطابعة من 127 حرفًا على الأكثر.

## الإخفاقات.
printers-not-running = خدمة الطباعة لا تعمل
    .body = CUPS لا يعمل. تعرض الصفحة الطابعات من جديد بمجرد عودته.
printers-unreadable = تعذّرت قراءة الطابعات
printers-error-not-running = خدمة الطباعة (CUPS) لا تعمل.
printers-error-not-authorized = لم يسمح بذلك مسؤول؛ لم يتغير شيء.
printers-error-helper-missing = خدمة إدارة الطابعات (cups-pk-helper) غير متاحة.
printers-error-timeout = لم تستجب خدمة الطباعة في الوقت المحدد.
printers-error-refused = رفض CUPS: { $message }
printers-error-not-found = الطابعة أو مهمة الطباعة لم تعد موجودة.
printers-error-bad-answer = أعطت خدمة الطباعة ردًا تعذّرت قراءته.
printers-error-unreachable = تعذّر الوصول إلى خدمة الطباعة.
printers-error-bus = لم ينقل ناقل النظام الطلب.
printers-failed-add = تعذّرت إضافة { $printer }.
printers-failed-remove = تعذّرت إزالة { $printer }.
printers-failed-default = تعذّر جعل { $printer } الطابعة الافتراضية.
printers-failed-pause = تعذّر إيقاف { $printer } مؤقتًا.
printers-failed-resume = تعذّر استئناف { $printer }.
printers-failed-accepting = تعذّر تغيير ما إذا كانت { $printer } تقبل مهام الطباعة.
printers-failed-rename = تعذّرت إعادة تسمية { $printer }.
printers-failed-test-page = تعذّرت طباعة صفحة اختبار على { $printer }.
printers-failed-option = تعذّر تغيير خيارات { $printer }.
printers-failed-job = تعذّر تغيير مهمة الطباعة «{ $job }».
