## صفحة المستخدمين: الأشخاص على هذا الحاسوب، وإضافتهم وإزالتهم، والمديرون،
## وكلمة المرور والصورة الخاصتان بك.

users-title = المستخدمون
    .keywords = المستخدمون;مستخدم;أشخاص;حسابات;شخص;إضافة مستخدم;إزالة مستخدم;حذف مستخدم;مدير;عادي;كلمة المرور;صورة;صورة رمزية;تسجيل الدخول

users-not-running = خدمة الحسابات لا تعمل
    .body = يأتي الأشخاص على هذا الحاسوب من AccountsService. تعرضهم هذه الصفحة تلقائيًا بمجرد أن تعمل.
users-unreadable = تعذّرت قراءة الأشخاص على هذا الحاسوب

users-people-heading = الأشخاص
users-explained = كل من يمكنه تسجيل الدخول إلى هذا الحاسوب. إضافة الأشخاص وإزالتهم وتغييرهم تتطلب مديرًا.
users-you = أنت
users-locked = مقفل
users-standard = عادي
    .desc = يستخدم التطبيقات ويغيّر إعداداته الخاصة.
users-administrator = مدير
    .desc = يمكنه أيضًا إضافة الأشخاص وإزالتهم وتغيير إعدادات الحاسوب كله.
users-last-administrator = المدير الوحيد: يجب أن يصبح شخص آخر مديرًا قبل أن يتوقف هذا الحساب عن ذلك.
users-making-administrator = جارٍ جعل { $name } مديرًا…
users-making-standard = جارٍ جعل حساب { $name } عاديًا…
users-automatic-login = تسجيل الدخول التلقائي
    .desc = يُسجَّل دخوله دون كلمة مرور عند بدء تشغيل هذا الحاسوب. يمكن لشخص واحد فقط أن يحظى به.
users-turning-on-automatic-login = جارٍ تشغيل تسجيل الدخول التلقائي لـ{ $name }…
users-turning-off-automatic-login = جارٍ إيقاف تسجيل الدخول التلقائي لـ{ $name }…
users-cancel = إلغاء

users-add-open = إضافة شخص…
users-add-title = إضافة شخص
users-real-name = الاسم الكامل
users-login-name = اسم الدخول
users-account-type = نوع الحساب
users-password = كلمة المرور
users-password-confirm = اكتب كلمة المرور مرة أخرى
users-add = إضافة
users-adding = جارٍ إضافة { $name }…
users-real-name-empty = اكتب الاسم الكامل للشخص.
users-name-empty = اكتب اسم دخول.
users-name-too-long = يمكن أن يتكوّن اسم الدخول من { $count } حرفًا على الأكثر.
users-name-bad-start = يجب أن يبدأ اسم الدخول بحرف لاتيني صغير.
users-name-bad-characters = لا يمكن أن يحتوي اسم الدخول إلا على أحرف لاتينية صغيرة وأرقام وشرطات وشرطات سفلية.
users-password-too-short = تحتاج كلمة المرور إلى { $count } أحرف على الأقل.
users-password-too-long = كلمة المرور طويلة جدًا.
users-password-mismatch = كلمتا المرور غير متطابقتين.
users-strength-too-short = قصيرة جدًا: { $count } أحرف على الأقل
users-strength-weak = كلمة مرور ضعيفة
users-strength-fair = كلمة مرور مقبولة
users-strength-strong = كلمة مرور قوية

users-remove-open = إزالة…
users-remove-title = إزالة { $name }؟
users-remove-body = لن يتمكن بعد ذلك من تسجيل الدخول.
users-remove-keep = الإبقاء على ملفاته
    .desc = يبقى مجلده الشخصي على هذا الحاسوب.
users-remove-delete = حذف ملفاته
    .desc = يُحذف مجلده الشخصي وكل ما فيه.
users-remove = إزالة
users-removing = جارٍ إزالة { $name }…

users-password-open = تغيير كلمة المرور…
users-password-title = تغيير كلمة مرورك
users-password-new = كلمة المرور الجديدة
users-password-change = تغيير كلمة المرور
users-password-changing = جارٍ تغيير كلمة مرورك…

users-picture-open = تغيير الصورة…
users-picture-title = تغيير صورتك
users-picture-body = اكتب مسار صورة PNG أو JPEG. تُقص على شكل مربع وتُصغَّر.
users-picture-path = ملف الصورة
users-picture-use = استخدام الصورة
users-picture-setting = جارٍ تعيين صورتك…
users-picture-empty = اكتب مسار ملف صورة.
users-picture-not-absolute = اكتب المسار الكامل بدءًا بـ /.
users-picture-unreadable = تعذّرت قراءة هذا الملف.
users-picture-too-large = هذه الصورة كبيرة جدًا.
users-picture-not-a-picture = هذا الملف ليس صورة PNG أو JPEG.

users-error-add-refused = لم تتم إضافة الشخص: لم يسمح بذلك مدير.
users-error-remove-refused = لم تتم إزالة الشخص: لم يسمح بذلك مدير.
users-error-type-refused = لم يتغيّر نوع الحساب: لم يسمح بذلك مدير.
users-error-password-refused = لم تتغيّر كلمة المرور: لم يُؤكَّد التغيير.
users-error-picture-refused = لم تتغيّر الصورة: لم يُسمح بذلك.
users-error-automatic-login-refused = لم يتغيّر تسجيل الدخول التلقائي: لم يسمح بذلك مدير.
users-error-gone = توقفت خدمة الحسابات، لذا لم يتغيّر شيء. تعرض هذه الصفحة الأشخاص مجددًا عند عودتها.
users-error-no-answer = لم تُجب خدمة الحسابات. ربما لم يتم التغيير؛ تعرض الصفحة ما تقوله الخدمة بمجرد أن تُجيب.
users-error-name-taken = اسم الدخول «{ $name }» مستخدم بالفعل. اختر اسمًا آخر.
users-error-no-such-person = لم يعد هذا الشخص على هذا الحاسوب.
users-error-failed = تعذّر على خدمة الحسابات إجراء التغيير.
