# The Private DNS page.

dns-title = DNS الخاص
    .keywords = DNS الخاص;نظام أسماء النطاقات;تحليل الأسماء;محلّل الأسماء;خادم الأسماء;الخصوصية;التشفير;مشفّر;dns;dns-over-tls;dot;dnssec;resolver;privacy;encryption;mdns;llmnr;quad9;cloudflare
dns-intro = اختر مَن يجيب عن استعلامات الأسماء التي يرسلها حاسوبك، وما إذا كانت تُنقل مشفّرة.
dns-nm-unavailable = إعدادات الشبكة غير متاحة
    .body = NetworkManager لا يعمل. ستُقرأ هذه الإعدادات مجددًا عند بدء تشغيله.
dns-resolved-unavailable = محلّل الأسماء لا يعمل
    .body = systemd-resolved لا يعمل، لذا فحالته غير معروفة. ستُعرض مجددًا عند بدء تشغيل المحلّل.
dns-read-failed = تعذّرت قراءة الإعدادات السارية
dns-resolver-heading = محلّل الأسماء
dns-mode-automatic = تلقائي
    .desc = استخدام خوادم DNS التي توفّرها شبكتك.
dns-mode-provider = مزوّد DNS خاص
    .desc = محلّل عام يدعم DNS المشفّر.
dns-provider-detail = { $name } · { $addresses }
dns-mode-custom = خوادم مخصّصة
    .desc = خوادم تكتبها بنفسك، مع الاسم الوارد في شهادتها اختياريًا.
dns-custom-label = خوادم DNS
dns-custom-placeholder = 192.0.2.1#dns.example.com
dns-custom-hint = افصل بين الخوادم بفواصل (,). اكتب العنوان#الاسم كي يمكن التحقق من شهادة الخادم؛ وتُكتب عناوين IPv6 والمنافذ بالشكل [2001:db8::1]:853#الاسم.
dns-security-heading = التشفير والتحقق
dns-dot-heading = DNS over TLS
dns-dot-off = معطّل
    .desc = تُرسل الاستعلامات دون تشفير.
dns-dot-opportunistic = عند الإمكان
    .desc = التشفير عندما يدعمه الخادم، وإلا فالإرسال دون تشفير.
dns-dot-strict = دائمًا
    .desc = استعلامات مشفّرة فقط؛ وإذا تعذّر الوصول إلى الخادم بأمان، فلن تُحلَّل الأسماء.
dns-dnssec-heading = DNSSEC
dns-dnssec-off = معطّل
dns-dnssec-allow-downgrade = عندما تدعمه الشبكة
dns-dnssec-strict = دائمًا (قد يسبّب مشكلات في بعض الشبكات)
dns-mdns = الأسماء المحلية (Multicast DNS)
    .desc = العثور على الأجهزة مثل الطابعات بأسمائها المنتهية بـ .local.
dns-llmnr = أسماء Windows المحلية (LLMNR)
    .desc = الرد على استعلامات الأسماء من حواسيب Windows القريبة وتحليل أسمائها.
dns-apply = تطبيق
dns-applying = جارٍ التطبيق…
dns-applied = { $profiles ->
    [zero] لم تُطبَّق على أي اتصال شبكي.
    [one] طُبِّقت على اتصال شبكي واحد.
    [two] طُبِّقت على اتصالين شبكيين.
    [few] طُبِّقت على { $profiles } اتصالات شبكية.
    [many] طُبِّقت على { $profiles } اتصالًا شبكيًا.
   *[other] طُبِّقت على { $profiles } اتصال شبكي.
}
dns-apply-refused = ليس لديك إذن بتغيير إعدادات الشبكة.
dns-apply-invalid = لا يمكن تطبيق هذه الإعدادات.
dns-apply-failed = تعذّر تغيير إعدادات الشبكة.
dns-status-heading = الحالة
dns-status-server = الخادم الحالي
dns-status-none = لا يوجد
dns-status-dot = DNS over TLS
dns-status-dnssec = DNSSEC
dns-status-lookups = الاستعلامات
dns-status-lookups-value = { $lookups } ({ $hits } من الذاكرة المؤقتة، و{ $misses } من خارجها)
dns-test-heading = اختبار
dns-test-label = الاسم المراد الاستعلام عنه
dns-test-placeholder = example.com
dns-test-run = اختبار
dns-test-idle = استعلم عن اسم للتحقق من الإعدادات السارية.
dns-test-running = جارٍ الاستعلام…
dns-test-answer = يُحلَّل { $name } إلى { $addresses } ({ $ms } ملّي ثانية)
dns-test-encrypted = وصلت الإجابة عبر اتصال مشفّر.
dns-test-plain = وصلت الإجابة دون تشفير.
dns-test-not-found = هذا الاسم غير موجود.
dns-test-no-servers = لم يُضبط أي خادم DNS.
dns-test-unreachable = لم يُجب أي خادم بأمان. قد يتعذّر الوصول إلى الخادم، أو قد لا تطابق شهادته الاسم المُدخَل (تحقّق من الجزء الذي يلي #).
dns-test-dnssec = أخفقت الإجابة في التحقق عبر DNSSEC: { $reason }
dns-test-network-down = الشبكة غير متصلة.
dns-test-failed = فشل الاستعلام: { $reason }
dns-error-no-servers = اكتب خادم DNS واحدًا على الأقل.
dns-error-bad-address = «{ $entry }» لا يبدأ بعنوان IPv4 أو IPv6.
dns-error-bad-port = «{ $entry }» يحتوي على منفذ خارج النطاق 1–65535.
dns-error-empty-name = لا يوجد شيء بعد # في «{ $entry }»: اكتب اسم الخادم أو احذف #.
dns-error-bad-name = «{ $entry }» يحتوي على اسم خادم ليس اسم مضيف صالحًا.
dns-error-name-needed = يحتاج «{ $entry }» إلى اسم الخادم (العنوان#الاسم) ليُتحقَّق منه في وضع «دائمًا».
dns-portal = تطلب هذه الشبكة تسجيل الدخول
    .body = قد يمنع DNS المشفّر الصارم تحميل صفحة تسجيل الدخول. اسمح بالاستعلامات غير المشفّرة أثناء تسجيل الدخول؛ يعود التشفير الصارم تلقائيًا عند اتصالك بالإنترنت.
dns-portal-allow = السماح بتسجيل الدخول
dns-portal-relaxed = جارٍ تسجيل الدخول إلى هذه الشبكة
    .body = تُرسل الاستعلامات دون تشفير أثناء تسجيل الدخول. يعود التشفير الصارم تلقائيًا عند اتصالك بالإنترنت.
dns-nm-no-answer = لم يستجب NetworkManager في الوقت المحدد. لم تُطبَّق الإعدادات.
dns-resolved-no-answer = لم يستجب محلِّل الأسماء في الوقت المحدد. لم تُطبَّق الإعدادات.
dns-resolved-no-answer-status = لم يستجب محلِّل الأسماء في الوقت المحدد، لذا حالته غير معروفة. ستُعرض مجددًا عندما يستجيب المحلِّل.
dns-apply-interrupted = توقّف NetworkManager أثناء تطبيق الإعدادات. ستُستعاد الإعدادات السابقة حالما يعمل من جديد.
dns-apply-interrupted-restored = توقّف NetworkManager أثناء تطبيق الإعدادات. وهو يعمل الآن من جديد، وقد استُعيدت الإعدادات السابقة.
dns-apply-interrupted-not-restored = توقّف NetworkManager أثناء تطبيق الإعدادات، وتعذّرت استعادة الإعدادات السابقة. راجِع الإعدادات أدناه وطبّق ما تريده منها.
