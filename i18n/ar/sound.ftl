# صفحة الصوت (PipeWire، مع WirePlumber مديرًا للجلسات).

sound-title = الصوت
    .keywords = صوت;الصوت;صوتيات;مستوى الصوت;ارتفاع الصوت;مكبرات الصوت;مكبر صوت;سماعات;سماعات رأس;سماعة رأس;سماعة أذن;ميكروفون;مايك;كتم;كتم الصوت;توازن;إخراج;إدخال;مستوى;مرتفع;pipewire;audio;volume;speakers;headphones;microphone;mute

## القسمان الرئيسيان.
sound-output-heading = الإخراج
sound-input-heading = الإدخال
sound-no-outputs = لم يُعثر على أي مخرج: لا توجد بطاقة صوت أو سماعة رأس أو مكبر صوت متصل.
sound-no-inputs = لم يُعثر على أي مدخل: لا يوجد ميكروفون متصل.
sound-output-volume = مستوى صوت الإخراج
sound-output-mute = كتم الإخراج
sound-input-volume = مستوى صوت الإدخال
sound-input-mute = كتم الميكروفون
sound-balance = التوازن
sound-balance-centre = في المنتصف
sound-balance-left = { $percent }% إلى اليسار
sound-balance-right = { $percent }% إلى اليمين
sound-output-level = مستوى الإخراج
sound-input-level = مستوى الإدخال
sound-level-unavailable = تعذّر قياس المستوى. { $reason }
sound-nothing-playing = لا يُشغَّل أي شيء.
sound-test = اختبار مكبرات الصوت
sound-testing = جارٍ تشغيل نغمة على كل مكبر صوت بالتتابع، بدءًا من الأيسر…
sound-amplify = السماح بتجاوز 100%
    .desc = يمكن رفع مستوى الصوت حتى 150%. قد يتشوّه الصوت فوق 100%.

## التطبيقات.
sound-apps-heading = التطبيقات
sound-no-streams = لا يوجد تطبيق يشغّل الصوت أو يسجّله.
sound-stream-unnamed = تطبيق بلا اسم
sound-stream-unlinked = غير متصل بأي جهاز بعد.
sound-stream-playing-on = يُشغَّل على { $devices }
sound-stream-recording-from = يُسجِّل من { $devices }
sound-stream-volume = مستوى الصوت
sound-stream-mute = كتم
sound-stream-output = التشغيل على
sound-stream-input = التسجيل من
sound-stream-follow-default-output = الإخراج الافتراضي ({ $device })
sound-stream-follow-default-input = الإدخال الافتراضي ({ $device })

## الأجهزة وملفات تعريفها.
sound-devices-heading = الأجهزة
sound-no-devices = لا توجد بطاقة صوت أو سماعة رأس متصلة.
sound-no-profiles = ليس لهذا الجهاز ملفات تعريف للاختيار من بينها.
sound-profile-of = ملف تعريف { $device }
sound-profile-off = الجهاز غير مستخدم.
sound-profile-duplex = يشغّل الصوت ويسجّل من مدخل الميكروفون.
sound-profile-output = تشغيل الصوت فقط؛ مداخله غير مستخدمة.
sound-profile-input = تسجيل فقط؛ مخارجه غير مستخدمة.
sound-profile-a2dp = أفضل جودة صوت للاستماع؛ ميكروفون سماعة الرأس مطفأ.
sound-profile-headset = يشغّل ميكروفون سماعة الرأس للمكالمات؛ جودة الصوت أقل.
sound-profile-pro-audio = كل قناة على حدة، بلا مزج، لبرامج الاستوديو.
sound-profile-unavailable = لا شيء موصول به الآن.

## عندما يتعذّر عرض الصوت.
sound-not-running = خدمة الصوت لا تعمل
    .body = لا يعمل PipeWire، الذي يشغّل الصوت ويسجّله. تعود هذه الصفحة من تلقاء نفسها عندما يبدأ.
sound-no-answer = خدمة الصوت لا تستجيب
    .body = يعمل PipeWire لكنه لم يستجب في الوقت المحدد. تعيد هذه الصفحة المحاولة من تلقاء نفسها.
sound-unreadable = يتعذّر عرض الصوت
    .body = تعذّرت قراءة خدمة الصوت: { $detail }
sound-no-session-manager = أجهزة الصوت غير مُدارة
    .body = لا يعمل WirePlumber، الذي يختار الأجهزة الافتراضية ويوصل التطبيقات بها. يمكن تغيير مستوى الصوت، لكن لا يمكن اختيار الأجهزة حتى يبدأ.

## أمر فشل: ما هو، ثم السبب.
sound-failed-default = تعذّر تعيين «{ $name }» افتراضيًا.
sound-failed-volume = تعذّر تغيير مستوى صوت «{ $name }».
sound-failed-mute = تعذّر كتم صوت «{ $name }» أو إلغاء كتمه.
sound-failed-move = تعذّر نقل «{ $name }» إلى جهاز آخر.
sound-failed-profile = تعذّر تغيير ملف تعريف «{ $name }».
sound-failed-test = تعذّر تشغيل اختبار مكبرات الصوت على «{ $name }».
sound-error-not-running = خدمة الصوت لا تعمل.
sound-error-no-session-manager = لا يعمل WirePlumber، مدير جلسات الصوت.
sound-error-no-answer = لم تستجب خدمة الصوت في الوقت المحدد.
sound-error-gone = لم يعد موجودًا (فُصل أو أُغلق).
sound-error-no-profile = لم يعد الجهاز يوفّر ملف التعريف هذا.
sound-error-unsuitable = لا يمكن استخدامه لهذا الغرض.
sound-error-no-volume = لا يوجد فيه تحكم في مستوى الصوت.
sound-error-invalid-volume = مستوى الصوت هذا غير مسموح به؛ فعّل «السماح بتجاوز 100%» لتتجاوز 100%.
sound-error-not-permitted = لم تسمح خدمة الصوت بذلك.
sound-error-refused = رفضت خدمة الصوت التغيير.
sound-error-stream-failed = توقف تدفق الصوت (ربما أُزيل الجهاز).
sound-error-local = تعذّر على تطبيق الإعدادات التواصل مع خدمة الصوت.

## Added with ports and paused streams.
sound-port = المنفذ
sound-port-unplugged = لا شيء موصول.
sound-stream-paused = متوقف مؤقتًا
sound-failed-port = تعذّر تحويل «{ $name }» إلى هذا المنفذ.
sound-preferences-invalid = تعذّرت قراءة إعدادات الصوت المحفوظة؛ يتوقف مستوى الصوت عند 100% حتى تختار من جديد.
sound-preferences-not-saved = تعذّر حفظ اختيارك بشأن مستويات الصوت فوق 100%؛ يبقى ساريًا حتى إغلاق تطبيق الإعدادات.
