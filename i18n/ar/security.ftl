# صفحة أمان الجهاز: مستوى أمان المضيف (HSI) حسب fwupd وفحوصه، والمعلومات الخاصة بهذا
# الحاسوب (الإقلاع الآمن ومفاتيحه، وTPM، وPCR 11 مقارنةً بالتنبؤ الموقَّع، والجذر المُتحقَّق منه).

security-title = أمان الجهاز
    .keywords = أمان;الأمان;أمان الجهاز;الإقلاع الآمن;إقلاع آمن;TPM;HSI;أمان البرنامج الثابت;البرنامج الثابت;PCR;الإقلاع المُقاس;verity;UEFI;مفاتيح;إثبات;security;secure boot;measured boot;attestation;fwupd

## العنوان الرئيسي: مستوى أمان المضيف حسب fwupd.
security-hsi-heading = مستوى الأمان
security-hsi-level = المستوى { $level } من 5
security-hsi-0 = يفتقر البرنامج الثابت حتى إلى أبسط وسائل الحماية: يمكن لأي شخص لديه بضع دقائق والأدوات المناسبة أن يغيّر ما يشغّله.
security-hsi-1 = حماية أساسية: البرنامج الثابت محمي من أبسط الهجمات، لكنه غير محمي من شخص لديه وصول مادي إلى الحاسوب لبعض الوقت.
security-hsi-2 = محمي من شخص يحمل الحاسوب بين يديه لوقت قصير: لا يمكن قراءة البرنامج الثابت أو إعادة كتابته بسهولة.
security-hsi-3 = محمي أيضًا من هجمات أصعب، ومنها هجمات لا تزال نظرية في الغالب اليوم.
security-hsi-4 = محمي من الهجمات التي تتطلب تفكيك الحاسوب.
security-hsi-5 = أعلى مستوى: البرنامج الثابت محمي ويمكن إثبات حالته للآخرين.
security-hsi-runtime-issue = علامة «!» بعد المستوى: شيء اكتُشف أثناء تشغيل النظام يقلّل من الثقة (انظر «اكتُشف أثناء التشغيل» أدناه).
security-hsi-invalid = لا يوجد مستوى أمان
security-hsi-invalid-virtual = هذه آلة افتراضية: برنامجها الثابت هو ما يوفّره المضيف، لذا لا يمنحها fwupd أي مستوى. تظل الفحوص والمعلومات الخاصة بهذا الحاسوب أدناه سارية.
security-hsi-invalid-other = لا يستطيع fwupd منح هذا الحاسوب مستوى ({ $reason }). تظل الفحوص والمعلومات الخاصة بهذا الحاسوب أدناه سارية.
security-hsi-none = لا يقيّم fwupd أمان هذا النوع من الحواسيب.
security-hsi-id = معرّف أمان المضيف: { $id }

## الفحوص، مجمّعة حسب المستوى.
security-checks-heading = الفحوص حسب المستوى
security-level-1 = المستوى 1: حرج
security-level-2 = المستوى 2: مهم
security-level-3 = المستوى 3: نظري
security-level-4 = المستوى 4: حماية النظام
security-level-5 = المستوى 5: إثبات سلامة النظام
security-level-runtime = اكتُشف أثناء التشغيل
security-level-other = فحوص أخرى
security-passed = ناجح
security-failed = فاشل
security-check-state = { $check }: { $state }، { $result }
# نتيجة الفحص بجانب اسمه: «ناجح» أو «فاشل»، ثم ما وجده fwupd.
security-check-outcome = { $state }، { $result }
security-checks-none = لم يُبلغ fwupd عن أي فحوص.

## نتائج fwupd، بالكلمات.
security-result-unknown = غير معروف
security-result-enabled = مفعّل
security-result-not-enabled = غير مفعّل
security-result-valid = صالح
security-result-not-valid = غير صالح
security-result-locked = مقفل
security-result-not-locked = غير مقفل
security-result-encrypted = مشفّر
security-result-not-encrypted = غير مشفّر
security-result-tainted = ملوّث
security-result-not-tainted = غير ملوّث
security-result-found = موجود
security-result-not-found = غير موجود
security-result-supported = مدعوم
security-result-not-supported = غير مدعوم

## المعلومات الخاصة بهذا الحاسوب.
security-facts-heading = هذا الحاسوب
security-facts-reading = جارٍ قراءة معلومات هذا الحاسوب…
security-secure-boot = الإقلاع الآمن
security-secure-boot-on = مفعّل: لا يشغّل البرنامج الثابت إلا البرمجيات الموقّعة.
security-secure-boot-off = معطّل: يشغّل البرنامج الثابت أي برمجيات.
security-secure-boot-setup = معطّل، في وضع الإعداد: لم يُسجَّل أي مفتاح منصة، لذا يمكن لأي شخص تسجيل مفاتيح.
security-secure-boot-unsupported = لا يدعم البرنامج الثابت الإقلاع الآمن.
security-secure-boot-not-uefi = لم يُشغَّل الحاسوب بنظام UEFI، لذا لا يوجد إقلاع آمن.
security-secure-boot-unreadable = تعذّرت قراءة حالته ({ $reason }).
security-keys = مفاتيح الإقلاع الآمن
security-keys-own = المفاتيح الخاصة بهذا الحاسوب: لا تعمل إلا البرمجيات الموقّعة لهذا النظام.
security-keys-own-microsoft = المفاتيح الخاصة بهذا الحاسوب، وشهادات Microsoft موثوقة أيضًا.
security-keys-vendor = مفاتيح { $vendor }. شهادات Microsoft غير موثوقة.
security-keys-vendor-microsoft = مفاتيح { $vendor }، وشهادات Microsoft موثوقة.
security-keys-none = لم يُسجَّل أي مفتاح منصة.
security-keys-not-uefi = لا شيء: لم يُشغَّل الحاسوب بنظام UEFI.
security-keys-unreadable = تعذّرت قراءة المفاتيح المسجّلة ({ $reason }).
security-tpm = TPM
security-tpm-2 = TPM 2.0
security-tpm-1 = TPM 1.2 (يتطلب الإقلاع المُقاس TPM 2.0)
security-tpm-unknown = وحدة TPM من إصدار غير معروف
security-tpm-absent = لم يُعثر على أي وحدة TPM.
security-pcr = قياسات الإقلاع
security-pcr-matches = يطابق PCR 11 التنبؤ الموقّع: بدأ النظام كما بُني.
security-pcr-matches-other-key = يطابق PCR 11 التنبؤ الموقّع، لكن المفتاح المرفق بالتنبؤ ليس المفتاح الذي وقّعه.
security-pcr-differs = لا يطابق PCR 11 التنبؤ الموقّع: ما قِيس عند الإقلاع يختلف عمّا بُني.
security-pcr-no-prediction = لا يحمل النظام قيد التشغيل أي تنبؤ موقّع لمقارنة PCR 11 به.
security-pcr-prediction-unreadable = تعذّرت قراءة التنبؤ الموقّع ({ $reason }).
security-pcr-unreadable = تعذّرت قراءة PCR 11 ({ $reason }).
security-pcr-no-tpm = لا يُقاس أي شيء دون وحدة TPM.
security-root = ملفات النظام
security-root-verified = مُتحقَّق منها: تُفحص كل كتلة من النظام مقابل التجزئة الموجودة في سطر أوامر النواة الموقّع (dm-verity).
security-root-other-dm = غير مُتحقَّق منها: النظام على { $device }، وهو ليس جهاز dm-verity.
security-root-plain = غير مُتحقَّق منها: النظام على { $device } دون dm-verity.
security-root-not-block = غير مُتحقَّق منها: النظام في الذاكرة ({ $fstype }).
security-root-unknown = تعذّرت القراءة ({ $reason }).

## سجلّ الأحداث.
security-events-heading = التغييرات
security-events-none = لم تُسجَّل أي تغييرات.
security-event = { $date }: تغيّر { $check } من «{ $before }» إلى «{ $after }»
security-event-now = { $date }: { $check }: { $after }
security-events-unreadable = تعذّرت قراءة التغييرات: { $reason }

## نسخ التقرير.
security-copy = نسخ التقرير
security-copied = التقرير في الحافظة.
security-report-facts = المعلومات الخاصة بهذا الحاسوب
security-report-details = التفاصيل
security-report-no-fwupd = fwupd: { $reason }
security-copied-without-fwupd = لم يقدّم fwupd جزءه من التقرير: التقرير الموجود في الحافظة لا يحتوي إلا على المعلومات الخاصة بهذا الحاسوب.
security-dismiss = إغلاق

## fwupd غير موجود أو يفشل.
security-fwupd-not-running = خدمة أمان البرنامج الثابت لا تعمل
    .body = يلزم fwupd لمستوى الأمان وفحوصه. المعلومات الخاصة بهذا الحاسوب أدناه. تتحدّث الصفحة تلقائيًا بمجرد بدء fwupd.
security-fwupd-unreadable = تعذّرت قراءة خدمة أمان البرنامج الثابت
security-error-not-running = fwupd لا يعمل.
security-error-timeout = لم يستجب fwupd في الوقت المحدد.
security-error-not-authorized = رفض fwupd الإجابة.
security-error-other = فشل fwupd: { $reason }
