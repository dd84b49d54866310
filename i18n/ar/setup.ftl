# الإعداد عند التشغيل الأول (ferrum-greeter ما دام الحاسوب بلا أي شخص).

setup-title = إعداد هذا الحاسوب
setup-step = الخطوة { $number } من { $total }
setup-next = التالي
setup-back = رجوع
setup-skip = تخطي
setup-create = إنشاء الحساب
setup-language-heading = اختر لغتك
setup-keyboard-heading = اختر تخطيط لوحة المفاتيح
setup-zone-heading = اختر منطقتك الزمنية
setup-zone-search = ابحث عن مدينة أو منطقة
setup-zone-chosen = المنطقة الزمنية: { $zone }
setup-zone-none = لا توجد منطقة زمنية تطابق البحث.
setup-applying = جارٍ ضبط المنطقة الزمنية…
setup-zone-unavailable = تعذّر ضبط المنطقة الزمنية: خدمة التاريخ والوقت لا تعمل.
setup-zone-refused = تعذّر ضبط المنطقة الزمنية: لم يسمح هذا الحاسوب بذلك.
setup-zone-unknown = لا يعرف هذا الحاسوب هذه المنطقة الزمنية. اختر منطقة أخرى.
setup-zone-no-answer = لم تستجب خدمة التاريخ والوقت. حاول مرة أخرى.
setup-zone-failed = تعذّر ضبط المنطقة الزمنية. حاول مرة أخرى.
setup-network-heading = الاتصال بشبكة
setup-network-optional = هذه الخطوة اختيارية: يمكنك الاتصال لاحقًا من الإعدادات.
setup-network-loading = جارٍ البحث عن شبكات…
setup-network-connected = متصل بالإنترنت.
setup-network-limited = متصل، لكن تعذّر الوصول إلى الإنترنت.
setup-network-offline = غير متصل.
setup-network-unavailable = إعدادات الشبكة غير متاحة حاليًا.
setup-network-none = لا توجد شبكات Wi-Fi في النطاق.
setup-wifi-connected = متصلة
setup-wifi-secured = محمية، الإشارة { $strength }%
setup-wifi-open = مفتوحة، الإشارة { $strength }%
setup-wifi-password = كلمة مرور شبكة { $name }
setup-join-named = الاتصال بشبكة { $name }
setup-joining = جارٍ الاتصال…
setup-wifi-password-empty = اكتب كلمة مرور الشبكة أولًا.
setup-wifi-password-invalid = لا يمكن أن تكون هذه كلمة مرور هذه الشبكة: تحقّق من طولها ومن محارفها.
setup-join-refused = الاتصال بالشبكات غير مسموح به هنا.
setup-join-wrong-password = لم تقبل الشبكة كلمة المرور.
setup-join-timeout = لم تستجب الشبكة في الوقت المحدد. حاول مرة أخرى.
setup-join-failed = تعذّر الاتصال بالشبكة.
setup-account-heading = أنشئ حسابك
setup-full-name = الاسم الكامل
setup-user-name = اسم المستخدم
setup-user-name-rules = أحرف لاتينية صغيرة وأرقام والرمزان - و _، ويبدأ بحرف.
setup-password = كلمة المرور
setup-confirmation = تأكيد كلمة المرور
setup-strength-too-short = { $count ->
    [zero] { $count } محرف على الأقل.
    [one] محرف واحد على الأقل.
    [two] محرفان على الأقل.
    [few] { $count } محارف على الأقل.
    [many] { $count } محرفًا على الأقل.
   *[other] { $count } محرف على الأقل.
}
setup-strength-weak = كلمة مرور ضعيفة: كلما طالت وتنوّعت محارفها صعُب تخمينها.
setup-strength-fair = كلمة مرور مقبولة.
setup-strength-strong = كلمة مرور قوية.
setup-administrator = مسؤول
setup-administrator-desc = يمكنه تثبيت البرامج وتغيير الإعدادات للجميع.
setup-name-empty = اكتب اسم مستخدم.
setup-name-too-long = { $count ->
    [zero] لا يتجاوز اسم المستخدم { $count } محرف.
    [one] لا يتجاوز اسم المستخدم محرفًا واحدًا.
    [two] لا يتجاوز اسم المستخدم محرفين.
    [few] لا يتجاوز اسم المستخدم { $count } محارف.
    [many] لا يتجاوز اسم المستخدم { $count } محرفًا.
   *[other] لا يتجاوز اسم المستخدم { $count } محرف.
}
setup-name-bad-start = يبدأ اسم المستخدم بحرف لاتيني صغير.
setup-name-bad-characters = لا يحتوي اسم المستخدم إلا على أحرف لاتينية صغيرة وأرقام والرمزين - و _.
setup-name-taken = اسم المستخدم { $name } محجوز. اختر اسمًا آخر.
setup-password-too-short = { $count ->
    [zero] يجب ألا تقل كلمة المرور عن { $count } محرف.
    [one] يجب ألا تقل كلمة المرور عن محرف واحد.
    [two] يجب ألا تقل كلمة المرور عن محرفين.
    [few] يجب ألا تقل كلمة المرور عن { $count } محارف.
    [many] يجب ألا تقل كلمة المرور عن { $count } محرفًا.
   *[other] يجب ألا تقل كلمة المرور عن { $count } محرف.
}
setup-password-too-long = كلمة المرور طويلة جدًا.
setup-password-mismatch = كلمتا المرور غير متطابقتين.
setup-creating = جارٍ إنشاء حسابك…
setup-account-refused = لا يسمح هذا الحاسوب بإنشاء حسابات الآن.
setup-account-unavailable = خدمة الحسابات لا تعمل، لذا لم يُنشأ الحساب. حاول مجددًا بعد لحظات.
setup-account-no-answer = لم تستجب خدمة الحسابات. حاول مرة أخرى.
setup-account-failed = تعذّر إنشاء الحساب. حاول مرة أخرى.
setup-account-undone = تعذّر إكمال الحساب، لذا أُزيل. حاول مرة أخرى.
setup-account-left = تعذّر إكمال الحساب وتوقفت خدمة الحسابات عن الاستجابة. لا يمكن لأحد تسجيل الدخول بالحساب غير المكتمل، وستتم إزالته عندما تحاول مرة أخرى.
setup-finish-heading = مرحبًا بك
setup-starting = جارٍ بدء جلستك…
setup-created = أُنشئ حسابك { $name }، لكن تعذّر تسجيل الدخول.
setup-retry = إعادة المحاولة
setup-login-failed = فشل تسجيل الدخول. حاول مرة أخرى.
setup-login-unreachable = خدمة تسجيل الدخول لا تستجيب. حاول مرة أخرى.
