# صفحة البلوتوث.
bluetooth-title = البلوتوث
    .keywords = بلوتوث;البلوتوث;لاسلكي;إقران;اقتران;ربط;جهاز;أجهزة;سماعة رأس;سماعات;سماعة أذن;مكبر صوت;لوحة مفاتيح;فأرة;ماوس;يد تحكم;هاتف;جوال;محول;ظاهر;bluetooth;headset;pair;wireless

bluetooth-not-running = البلوتوث لا يعمل
    .body = خدمة البلوتوث (bluetoothd) لا تعمل. تتحدث هذه الصفحة من تلقاء نفسها عندما تبدأ الخدمة.
bluetooth-no-adapter = لا يوجد محول بلوتوث
    .body = لا يحتوي هذا الحاسوب على محول بلوتوث، أو أنه مطفأ. صِل محولًا أو شغّله: سيظهر هنا من تلقاء نفسه.
bluetooth-no-answer = البلوتوث لا يستجيب
    .body = خدمة البلوتوث تعمل لكنها لم تستجب في الوقت المحدد. تتحدث هذه الصفحة من تلقاء نفسها عندما تستجيب من جديد.
bluetooth-unreadable = تعذرت قراءة حالة البلوتوث
    .body = { $detail }. تعيد هذه الصفحة المحاولة من تلقاء نفسها.

# المحول.
bluetooth-adapter-heading = هذا الحاسوب
bluetooth-adapter-choice = محول البلوتوث
bluetooth-adapter-name = { $name } ({ $id })
bluetooth-adapter-address = العنوان { $address }
bluetooth-power = البلوتوث
bluetooth-power-on = مُشغَّل: يمكن للأجهزة الاتصال بهذا الحاسوب.
bluetooth-power-off = مُطفأ: لا يمكن لأي جهاز الاتصال.
bluetooth-power-turning-on = جارٍ التشغيل…
bluetooth-power-turning-off = جارٍ الإطفاء…
bluetooth-visible-as = الاسم الظاهر
bluetooth-alias-save = حفظ الاسم
bluetooth-saving = جارٍ الحفظ…
bluetooth-discoverable = ما دامت هذه الصفحة مفتوحة، يمكن للأجهزة القريبة أن تجد هذا الحاسوب باسم «{ $name }».
bluetooth-discoverable-soon = ما دامت هذه الصفحة مفتوحة، يمكن للأجهزة القريبة أن تجد هذا الحاسوب.
bluetooth-discoverable-off = شغّل البلوتوث لتتمكن الأجهزة القريبة من إيجاد هذا الحاسوب.
bluetooth-address = العنوان
bluetooth-name-empty = اكتب اسمًا: لا يمكن أن يكون فارغًا.
bluetooth-name-too-long = يمكن أن يبلغ الاسم { $max } بايت على الأكثر (الحرف العربي يشغل بايتين)؛ وهذا الاسم { $bytes } بايت. اختصره.

# الأجهزة.
bluetooth-my-devices = أجهزتي
bluetooth-nearby = الأجهزة القريبة
bluetooth-no-paired = لم يُقرَن أي جهاز بهذا الحاسوب بعد.
bluetooth-searching = جارٍ البحث عن أجهزة…
bluetooth-searching-note = يستمر البحث عن أجهزة أخرى ما دامت هذه الصفحة مفتوحة.
bluetooth-no-nearby = لا توجد أجهزة أخرى قريبة.
bluetooth-off-nearby = شغّل البلوتوث لإيجاد الأجهزة القريبة.

bluetooth-kind-headset = سماعة رأس بميكروفون
bluetooth-kind-headphones = سماعات رأس
bluetooth-kind-speaker = مكبر صوت
bluetooth-kind-keyboard = لوحة مفاتيح
bluetooth-kind-mouse = فأرة
bluetooth-kind-gamepad = يد تحكم للألعاب
bluetooth-kind-phone = هاتف
bluetooth-kind-computer = حاسوب
bluetooth-kind-tablet = لوح رسم
bluetooth-kind-watch = ساعة
bluetooth-kind-printer = طابعة
bluetooth-kind-camera = كاميرا
bluetooth-kind-other = جهاز

bluetooth-signal-strong = إشارة قوية
bluetooth-signal-fair = إشارة متوسطة
bluetooth-signal-weak = إشارة ضعيفة
bluetooth-state-connected = متصل
bluetooth-state-paired = مقترن
bluetooth-state-trusted = موثوق
bluetooth-state-blocked = محظور
bluetooth-battery = البطارية { $percent }%

bluetooth-busy-pairing = جارٍ الإقران…
bluetooth-busy-connecting = جارٍ الاتصال…
bluetooth-busy-disconnecting = جارٍ قطع الاتصال…
bluetooth-busy-forgetting = جارٍ النسيان…
bluetooth-busy-blocking = جارٍ الحظر…
bluetooth-busy-unblocking = جارٍ إلغاء الحظر…
bluetooth-busy-renaming = جارٍ تغيير الاسم…

bluetooth-pair = إقران
bluetooth-connect = اتصال
bluetooth-disconnect = قطع الاتصال
bluetooth-details-show = التفاصيل
bluetooth-details-hide = إخفاء التفاصيل
bluetooth-forget = نسيان
bluetooth-block = حظر
bluetooth-unblock = إلغاء الحظر
bluetooth-rename = تغيير الاسم
bluetooth-rename-label = الاسم
bluetooth-rename-save = حفظ
bluetooth-cancel = إلغاء
bluetooth-dismiss = إغلاق
bluetooth-sound-settings = إعدادات الصوت
bluetooth-kind = النوع
bluetooth-services = الخدمات
bluetooth-services-none = لم يُبلَّغ عن أي خدمة
bluetooth-own-name = اسمه الأصلي
bluetooth-forget-question = نسيان «{ $name }»؟
    .body = سيحذف هذا الحاسوب الإقران. لاستخدام الجهاز مجددًا، أقرِنه من جديد.

bluetooth-service-audio-sink = تشغيل الصوت
bluetooth-service-audio-source = مصدر الصوت
bluetooth-service-headset = المكالمات (سماعة رأس)
bluetooth-service-remote-control = التحكم بالوسائط
bluetooth-service-input = الإدخال (لوحة مفاتيح، فأرة)
bluetooth-service-battery = مستوى البطارية
bluetooth-service-file-transfer = نقل الملفات
bluetooth-service-network = مشاركة الشبكة
bluetooth-service-serial-port = منفذ تسلسلي
bluetooth-service-phone-book = جهات الاتصال
bluetooth-service-messages = الرسائل
bluetooth-service-other = الخدمة { $uuid }

# نافذة الإقران.
bluetooth-pairing-title = الإقران مع «{ $name }»
bluetooth-ask-pin = اكتب رمز PIN الخاص بـ«{ $name }» (من 1 إلى 16 حرفًا). تجده في دليل الجهاز أو معروضًا عليه.
bluetooth-ask-passkey = اكتب مفتاح المرور المكوّن من 6 أرقام الذي يعرضه «{ $name }».
bluetooth-ask-display = اكتب { $code } على «{ $name }» ثم اضغط Enter.
bluetooth-display-progress = كُتب { $entered } من 6 أرقام على الجهاز
bluetooth-ask-confirm = هل يعرض «{ $name }» الرقم { $code }؟ لا تؤكد إلا إذا كان الرقم نفسه.
bluetooth-ask-authorize = يريد «{ $name }» الاقتران بهذا الحاسوب. هل تسمح بذلك؟
bluetooth-ask-authorize-service = يريد «{ $name }» استخدام { $service } على هذا الحاسوب. هل تسمح بذلك؟
bluetooth-pin-label = رمز PIN
bluetooth-passkey-label = مفتاح المرور
bluetooth-confirm = تأكيد
bluetooth-allow = سماح
bluetooth-deny = رفض
bluetooth-pin-empty = اكتب رمز PIN.
bluetooth-pin-too-long = رمز PIN يتكون من 16 حرفًا على الأكثر.
bluetooth-pin-not-printable = لا يمكن أن يحتوي رمز PIN على محارف تحكم.
bluetooth-passkey-not-digits = مفتاح المرور هو الرقم المكوّن من 6 أرقام على الأكثر الذي يعرضه الجهاز.
bluetooth-request-ended = توقف «{ $name }» عن انتظار الإجابة: أُلغي الإقران على الجهاز، أو لم يُجب أحد في الوقت المحدد.

# الأوامر التي فشلت؛ يليها السبب الذي ذكره BlueZ.
bluetooth-error-with-reason = { $sentence } يقول BlueZ: { $reason }
bluetooth-error-power-on = تعذر تشغيل البلوتوث.
bluetooth-error-power-off = تعذر إطفاء البلوتوث.
bluetooth-error-alias = تعذر تغيير الاسم الذي يظهر به هذا الحاسوب.
bluetooth-error-pair = تعذر الإقران مع «{ $name }».
bluetooth-error-connect = تعذر الاتصال بـ«{ $name }».
bluetooth-error-disconnect = تعذر قطع الاتصال بـ«{ $name }».
bluetooth-error-forget = تعذر نسيان «{ $name }».
bluetooth-error-block = تعذر حظر «{ $name }».
bluetooth-error-unblock = تعذر إلغاء حظر «{ $name }».
bluetooth-error-rename = تعذر تغيير اسم «{ $name }».
bluetooth-error-not-running = توقفت خدمة البلوتوث.
bluetooth-error-no-adapter = لم يعد محول البلوتوث موجودًا.
bluetooth-error-no-answer = لم تستجب خدمة البلوتوث في الوقت المحدد.
bluetooth-error-blocked = محول البلوتوث مطفأ أو محظور.
bluetooth-error-not-permitted = لا يُسمح لك بتغيير إعداد البلوتوث هذا.
bluetooth-error-busy = «{ $name }» مشغول بطلب آخر؛ أعد المحاولة بعد قليل.
bluetooth-error-not-found = لم يعد هذا الحاسوب يعرف «{ $name }».
bluetooth-error-not-supported = لا يستطيع الجهاز أو المحول القيام بذلك.
bluetooth-error-nothing-to-connect = لا يقدّم «{ $name }» شيئًا يمكن لهذا الحاسوب الاتصال به؛ يبقى مقترنًا.
bluetooth-error-rejected = رفض «{ $name }» الإقران.
bluetooth-error-auth-failed = فشل الإقران مع «{ $name }»: لم تتطابق الرموز.
bluetooth-error-canceled = أُلغي الإقران مع «{ $name }».
bluetooth-error-auth-timeout = لم يستجب «{ $name }» في الوقت المحدد أثناء الإقران.
