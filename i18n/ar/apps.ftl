## صفحة التطبيقات: تطبيقات Flatpak وتثبيتها وتحديثها وإزالتها وأذوناتها.

apps-title = التطبيقات
    .keywords = التطبيقات;تطبيقات;تطبيق;البرامج;برامج;تثبيت;إلغاء التثبيت;إزالة;تحديث;تحديثات;أذونات;الأذونات;صلاحيات;عزل;بوابة;متجر;flatpak;flathub;apps;applications;install;uninstall;remove;update;updates;permissions;store

apps-installed = التطبيقات المثبتة
apps-none-installed = لا توجد تطبيقات مثبتة.
apps-unreadable = تعذّرت قراءة التطبيقات المثبتة
apps-installation-user = لك
apps-installation-system = لكل من يستخدم هذا الحاسوب
apps-version = الإصدار { $version }
apps-origin = من { $remote }
apps-installed-size = يشغل { $size }
apps-data-size = بياناته: { $size }
apps-data-size-unknown = بياناته: غير معروفة
apps-being-changed = يجري تغيير هذا التطبيق الآن.
apps-open = فتح
apps-open-failed = تعذّر فتح { $app }.
apps-permissions = الأذونات
apps-update = تحديث
apps-remove = إزالة
apps-close = إغلاق
apps-retry = إعادة المحاولة
apps-bullet = • { $line }

## التحديثات

apps-check = البحث عن تحديثات
apps-update-all = تحديث الكل
apps-updates-checking = جارٍ البحث عن تحديثات…
apps-updates-count = { $count ->
    [zero] كل التطبيقات محدّثة.
    [one] يتوفر تحديث واحد.
    [two] يتوفر تحديثان.
    [few] تتوفر { $count } تحديثات.
    [many] يتوفر { $count } تحديثًا.
   *[other] يتوفر { $count } تحديث.
}
apps-updates-failed = تعذّر البحث عن تحديثات. { $reason }
apps-update-available = يتوفر تحديث.
apps-update-wider = يتوفر تحديث يطلب أذونات أكثر.
apps-held-question = تحديث { $app } يطلب أذونات أكثر
apps-held-explain = أُوقف التحديث حتى توافق عليه. يطلب الإصدار الجديد:
apps-held-accept = الموافقة والتحديث
apps-held-decline = ليس الآن

## الإزالة

apps-remove-question = هل تريد إزالة { $app }؟
apps-remove-explain = سيُزال التطبيق من هذا الحاسوب. يمكنك تثبيته مجددًا لاحقًا.
apps-remove-data = حذف بياناته أيضًا
    .description = تُحذف أيضًا إعداداته وملفاته الموجودة في مجلده الخاص.
apps-remove-cancel = الإبقاء عليه
apps-remove-confirm = إزالة

## تغيير جارٍ وكيف انتهى

apps-job-install = جارٍ تثبيت { $app }
apps-job-update = جارٍ تحديث { $app }
apps-job-remove = جارٍ إزالة { $app }
apps-step-starting = جارٍ البدء…
apps-step = الخطوة { $index } من { $count }: { $kind ->
    [install] تثبيت
    [update] تحديث
   *[uninstall] إزالة
} { $part ->
    [runtime] بيئة التشغيل التي يحتاجها
   *[app] التطبيق
}
apps-progress = { $job }: { $percent }%.
apps-progress-bytes = نُزّل { $size }.
apps-queued = { $count ->
    [zero] لا تغييرات أخرى في الانتظار.
    [one] تغيير آخر في الانتظار.
    [two] تغييران آخران في الانتظار.
    [few] { $count } تغييرات أخرى في الانتظار.
    [many] { $count } تغييرًا آخر في الانتظار.
   *[other] { $count } تغيير آخر في الانتظار.
}
apps-cancel = إلغاء
apps-cancelling = جارٍ الإلغاء…
apps-ended-done = { $kind ->
    [install] ثُبّت { $app }.
    [update] حُدّث { $app }.
   *[remove] أُزيل { $app }.
}
apps-ended-update-running = لا يزال { $app } يعمل بالإصدار السابق؛ يسري التحديث عندما تغلقه وتفتحه من جديد.
apps-ended-remove-running = لا يزال { $app } مفتوحًا وسيظل يعمل حتى تغلقه.
apps-ended-cancelled = { $kind ->
    [install] أُلغي تثبيت { $app }. لم يُثبَّت أي شيء منه.
    [update] أُلغي تحديث { $app }. لم يتغير الإصدار المثبت.
   *[remove] أُلغيت إزالة { $app }.
}
apps-ended-failed = { $kind ->
    [install] لم يُثبَّت { $app }.
    [update] لم يُحدَّث { $app }.
   *[remove] لم يُزَل { $app }.
}

## التثبيت

apps-install = تثبيت التطبيقات
apps-search-label = البحث في مصادر التطبيقات
apps-search = بحث
apps-searching = جارٍ البحث…
apps-search-none = لا يوجد تطبيق يطابق «{ $query }».
apps-search-remote-failed = تعذّر البحث في { $remote }.
apps-details = التفاصيل
apps-already-installed = مثبت مسبقًا
apps-download-size = التنزيل: { $size }
apps-asks-for = يطلب:
apps-install-button = تثبيت

## مصادر التطبيقات

apps-remotes = مصادر التطبيقات
apps-remotes-none = لم يُضبط أي مصدر للتطبيقات.
apps-remote-disabled = معطّل
apps-remote-add-title = إضافة مصدر للتطبيقات
apps-remote-add-explain = تنشر مصادر التطبيقات ملفًا بامتداد flatpakrepo، ويُتحقق دائمًا من مفتاح توقيعها.
apps-remote-path = مسار الملف بامتداد flatpakrepo
apps-remote-name = الاسم (إن تُرك فارغًا: من اسم الملف)
apps-remote-add = إضافة المصدر
apps-remote-adding = جارٍ الإضافة…
apps-remote-added = أُضيف مصدر التطبيقات { $remote }.
apps-remote-error-no-path = اكتب مسار ملف بامتداد flatpakrepo.
apps-remote-error-unreadable = تعذّرت قراءة الملف.
apps-remote-error-too-large = الملف أكبر من أن يكون ملفًا بامتداد flatpakrepo.

## أذونات تطبيق واحد

apps-permissions-title = أذونات { $app }
apps-permissions-explain = ما يُسمح للتطبيق باستخدامه. ينطبق اختيارك على هذا التطبيق ولك وحدك؛ «افتراضي التطبيق» يُبقي ما يحدده التطبيق والإعدادات الأخرى.
apps-permissions-reset = الرجوع إلى الإعدادات الافتراضية للتطبيق
apps-permissions-saving = جارٍ الحفظ…
apps-permissions-write-failed = لم يُحفظ التغيير. { $reason }
apps-choice-default = افتراضي التطبيق
apps-choice-allow = سماح
apps-choice-deny = منع
apps-row-state = { $value } — { $source }
apps-source = { $layer ->
    [app] افتراضي التطبيق
    [system-global] مضبوط لكل التطبيقات على هذا الحاسوب
    [system-app] مضبوط لهذا التطبيق على هذا الحاسوب
    [user-global] إعدادك لكل التطبيقات
    [user-app] إعدادك لهذا التطبيق
   *[none] لم يطلبه
}
apps-value-allowed = مسموح
apps-value-denied = غير مسموح
apps-value-not-asked = غير مسموح
apps-value-access = { $access ->
    [ro] قراءة فقط
    [rw] قراءة وكتابة
    [create] قراءة وكتابة، ويُنشأ إن لم يوجد
   *[denied] غير مسموح
}
apps-value-bus = { $policy ->
    [see] يمكنه رؤيته
    [talk] يمكنه التواصل معه
    [own] يمكنه امتلاك الاسم
   *[none] غير مسموح
}
apps-value-environment = قيمته «{ $value }»
apps-perm-line = { $permission }: { $value }
apps-perm-nothing = لا يطلب أي أذونات.
apps-perm-shared = { $word ->
    [network] استخدام الشبكة
    [ipc] مشاركة الذاكرة مع البرامج الأخرى
   *[other] مشاركة «{ $word }» مع هذا الحاسوب
}
apps-perm-socket = { $word ->
    [wayland] عرض النوافذ
    [x11] عرض النوافذ عبر X11
    [fallback-x11] عرض النوافذ عبر X11 عند غياب Wayland
    [pulseaudio] تشغيل الصوت وتسجيله
    [session-bus] التواصل مع كل برامج جلستك
    [system-bus] التواصل مع كل خدمات هذا الحاسوب
    [ssh-auth] استخدام مفاتيح SSH الخاصة بك
    [pcsc] استخدام البطاقات الذكية
    [cups] الطباعة
    [gpg-agent] استخدام مفاتيح GPG الخاصة بك
   *[other] استخدام المقبس «{ $word }»
}
apps-perm-device = { $word ->
    [dri] استخدام بطاقة الرسوميات
    [input] قراءة أجهزة الإدخال
    [usb] استخدام أجهزة USB
    [kvm] تشغيل الأجهزة الافتراضية
    [shm] مشاركة الذاكرة عبر المسار /dev/shm
    [all] استخدام كل الأجهزة، مثل الكاميرات والميكروفونات
   *[other] استخدام الجهاز «{ $word }»
}
apps-perm-feature = { $word ->
    [devel] استخدام أدوات التنقيح
    [multiarch] تشغيل برامج مصممة لمعالجات أخرى
    [bluetooth] استخدام البلوتوث
    [canbus] استخدام أجهزة ناقل CAN
    [per-app-dev-shm] الاحتفاظ بذاكرة مشتركة خاصة به
   *[other] استخدام الميزة «{ $word }»
}
apps-perm-filesystem = { $path ->
    [host] كل الملفات على هذا الحاسوب
    [host-os] برامج النظام ومكتباته
    [host-etc] إعدادات النظام
    [home] مجلدك الشخصي
    [xdg-download] مجلد التنزيلات
    [xdg-documents] مجلد المستندات
    [xdg-music] مجلد الموسيقى
    [xdg-pictures] مجلد الصور
    [xdg-videos] مجلد الفيديو
    [xdg-desktop] مجلد سطح المكتب
   *[other] المجلد { $path }
}
apps-perm-session-bus = التواصل مع { $name }
apps-perm-system-bus = التواصل مع خدمة النظام { $name }
apps-perm-environment = المتغير { $name }

## أذونات البوابات

apps-portal-title = ما سُمح به عند الطلب
apps-portal-none = لم يُسمح للتطبيق بأي شيء عندما طلب.
apps-portal = { $permission ->
    [notifications] عرض الإشعارات
    [background] العمل في الخلفية
    [camera] استخدام الكاميرا
    [microphone] استخدام الميكروفون
    [speakers] تشغيل الصوت
    [location] معرفة موقعك
   *[screenshot] التقاط لقطات الشاشة
}
apps-portal-other = { $table }: { $id }
apps-portal-state = { $granted ->
    [yes] { $permission }: مسموح
   *[no] { $permission }: غير مسموح
}
apps-revoke = سحب الإذن
apps-revoke-failed = تعذّر سحب الإذن. { $reason }

## الإخفاقات

apps-error-not-installed = التطبيق غير مثبت.
apps-error-already-installed = التطبيق مثبت مسبقًا.
apps-error-unsigned = ليس لمصدر التطبيقات مفتاح توقيع، لذا تعذّر التحقق مما يقدمه. لم يُضف.
apps-error-already-exists = يوجد مصدر تطبيقات بهذا الاسم مسبقًا.
apps-error-not-found = مصدر التطبيقات لا يقدّم ذلك.
apps-error-unreachable = تعذّر الوصول إلى مصدر التطبيقات. تحقق من أن هذا الحاسوب متصل بالإنترنت.
apps-error-signature = ما أرسله مصدر التطبيقات غير موقّع بمفتاحه، لذا رُفض. لم يُثبَّت أي شيء.
apps-error-cancelled = أُلغيت العملية.
apps-error-permission-denied = لم يُسمح بذلك.
apps-error-no-space = لا توجد مساحة كافية على القرص.
apps-error-app-running = التطبيق قيد التشغيل. أغلقه وحاول مجددًا.
apps-error-permission-store = مخزن الأذونات لا يعمل. حاول مجددًا بعد لحظات.
apps-error-permission-store-hung = لم يستجب مخزن الأذونات في الوقت المحدد. حاول مجددًا لقراءة ما يحفظه.
apps-error-system-helper = خدمة النظام في Flatpak لا تعمل، لذا لا يمكن تغيير التطبيقات لجميع مستخدمي هذا الحاسوب الآن. لم يُغيَّر شيء. حاول مجددًا بعد لحظات.
apps-error-worker = لا يعمل Flatpak الآن. ستعيد الصفحة المحاولة تلقائيًا.
apps-error-other = تعذّر على Flatpak فعل ذلك.
