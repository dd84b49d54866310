## صفحة البرنامج الثابت: الأجهزة التي يعرفها fwupd وتحديثاتها وتثبيتها.

firmware-title = البرنامج الثابت
    .keywords = البرنامج الثابت;برنامج ثابت;فيرموير;تحديث;تحديثات;BIOS;UEFI;fwupd;LVFS;جهاز;أجهزة;كاميرا الويب;كاميرا;منصة توصيل;firmware;update;updates;device;webcam;dock

firmware-devices = الأجهزة
firmware-none = لم يُعثر على أي أجهزة ببرنامج ثابت يمكن عرضه.
firmware-not-running = خدمة البرنامج الثابت لا تعمل
    .body = تأتي تحديثات البرنامج الثابت من fwupd. تعرض هذه الصفحة أجهزته تلقائيًا بمجرد أن يعمل.
firmware-unreadable = تتعذّر قراءة أجهزة خدمة البرنامج الثابت

## جهاز

firmware-vendor = من صنع { $vendor }
firmware-version = الإصدار { $version }
firmware-version-unknown = الإصدار غير معروف
firmware-live-usable = يمكن استخدامه أثناء تحديثه.
firmware-live-unusable = لا يمكن استخدامه أثناء تحديثه.
firmware-live-reboot = يكتمل تحديثه عند إعادة تشغيل الحاسوب.
firmware-live-shutdown = يكتمل تحديثه بعد إيقاف تشغيل الحاسوب.
firmware-not-updatable = لا يمكن تحديث برنامجه الثابت من هنا.
firmware-up-to-date = محدَّث.
firmware-state-pending = هناك تحديث ينتظر إعادة التشغيل القادمة.
firmware-state-success = نجح التحديث الأخير.
firmware-state-failed = فشل التحديث الأخير: { $reason }
firmware-state-failed-plain = فشل التحديث الأخير.
firmware-state-needs-reboot = يكتمل التحديث الأخير عند إعادة تشغيل الحاسوب.
firmware-state-failed-transient = تعذّر تشغيل التحديث الأخير. يمكن المحاولة مرة أخرى.

## تحديث متاح

firmware-update-available = الإصدار { $version } متاح
firmware-update-size = الحجم: { $size }
firmware-urgency-low = أولوية منخفضة
firmware-urgency-medium = أولوية متوسطة
firmware-urgency-high = أولوية عالية
firmware-urgency-critical = حرج: ثبّته قريبًا
firmware-release-notes = ما الجديد
firmware-update = تحديث
firmware-update-elsewhere = يجري تثبيت تحديث آخر.
firmware-being-updated = يجري تثبيت هذا التحديث.
# يثبّت fwupd تحديثًا طلبه برنامج آخر.
firmware-busy-elsewhere = يحدّث برنامج آخر برنامجًا ثابتًا: { $step }، { $percent }%.

## تحديث جارٍ

firmware-updating = جارٍ تحديث { $device } إلى الإصدار { $version }
firmware-step-downloading = تنزيل التحديث
firmware-step-checking = التحقق من الملف المنزَّل
firmware-step-preparing = تحضير التحديث
firmware-step-authorizing = انتظار الإذن
firmware-step-device-busy = انتظار الجهاز
firmware-step-reading = قراءة الجهاز
firmware-step-erasing = مسح البرنامج الثابت القديم
firmware-step-writing = كتابة البرنامج الثابت
firmware-step-verifying = التحقق من البرنامج الثابت
firmware-step-restarting = إعادة تشغيل الجهاز
firmware-step-waiting-for-you = في انتظار تدخّلك
firmware-step-working = جارٍ التحديث
# اسم شريط التقدّم، تقرؤه قارئات الشاشة.
firmware-progress = { $device }: { $step }، { $percent }%
# يُنطق عند تغيّر الخطوة.
firmware-progress-step = { $device }: { $step }

## كيف انتهى التحديث

firmware-done = تم تحديث { $device } إلى الإصدار { $version }.
firmware-restart-needed = سيتم تحديث { $device } إلى الإصدار { $version } عند إعادة تشغيل الحاسوب.
firmware-shutdown-needed = سيتم تحديث { $device } إلى الإصدار { $version } بعد إيقاف تشغيل الحاسوب وتشغيله من جديد.
firmware-failed = لم يتم تحديث { $device } إلى الإصدار { $version }.
firmware-restart = إعادة التشغيل للإنهاء
firmware-close = إغلاق
firmware-restart-failed = تعذّرت إعادة تشغيل الحاسوب.

## لماذا فشل شيء ما

firmware-error-offline = هذا الحاسوب غير متصل بالإنترنت، لذا تعذّر تنزيل التحديث.
firmware-error-untrusted = تعذّر التحقق من هوية خادم التنزيل { $host }، لذا لم يُنزَّل التحديث.
firmware-error-download = تعذّر تنزيل التحديث.
firmware-error-checksum = الملف المنزَّل ليس الملف الذي يصفه التحديث، لذا لم يُثبَّت أي شيء.
firmware-error-no-checksum = لا يذكر التحديث أي مجموع تحقّق لمطابقة الملف المنزَّل به، لذا لم يُثبَّت أي شيء.
firmware-error-no-location = لا يذكر التحديث المكان الذي يمكن تنزيله منه.
firmware-error-unsupported = التحديث معروض من عنوان لا يستطيع هذا الحاسوب التنزيل منه.
firmware-error-busy = الجهاز مشغول. حاول مرة أخرى عندما لا يكون قيد الاستخدام.
firmware-error-not-authorized = غير مسموح لك بتحديث البرنامج الثابت على هذا الحاسوب.
firmware-error-not-running = خدمة البرنامج الثابت لا تعمل.
firmware-error-stopped-during = توقفت خدمة البرنامج الثابت أثناء التحديث. تظهر الأجهزة أدناه كما تُبلغ عنها الخدمة الآن.
firmware-error-timeout = لم تستجب خدمة البرنامج الثابت في الوقت المحدد.
firmware-error-nothing-to-do = لا يوجد شيء لتثبيته: هذا الإصدار موجود بالفعل.
firmware-error-refused = رفضت خدمة البرنامج الثابت التحديث.
firmware-error-remote = مصدر التحديثات غير متاح.
firmware-error-local = حدث خطأ ما على هذا الحاسوب أثناء تحضير التحديث.
firmware-error-bus = تعذّر الوصول إلى خدمة البرنامج الثابت.

## البحث عن تحديثات

firmware-check = البحث عن تحديثات
firmware-refresh-checking = جارٍ البحث عن تحديثات…
firmware-refresh-last = { $days ->
    [zero] كان آخر بحث عن التحديثات اليوم.
    [one] كان آخر بحث عن التحديثات أمس.
    [two] كان آخر بحث عن التحديثات قبل يومين.
    [few] كان آخر بحث عن التحديثات قبل { $days } أيام.
    [many] كان آخر بحث عن التحديثات قبل { $days } يومًا.
   *[other] كان آخر بحث عن التحديثات قبل { $days } يوم.
}
firmware-refresh-never = لم يُبحث عن التحديثات بعد.
firmware-refresh-metered = لا يُبحث عن التحديثات تلقائيًا على اتصال محدود البيانات. اختر «البحث عن تحديثات» للبحث الآن.
firmware-refresh-offline = هذا الحاسوب غير متصل بالإنترنت. سيُبحث عن التحديثات عندما يعود الاتصال.
firmware-refresh-failed = تعذّر البحث عن تحديثات. { $reason }
firmware-refresh-no-remote = لم يُعدّ أي مصدر لتحديثات البرنامج الثابت.

## يطلب fwupd من المستخدم فعل شيء ما

firmware-prompt-title = يحتاج { $device } إلى تدخّلك
firmware-request-remove-replug = افصل { $device } ثم أعد توصيله.
firmware-request-press-unlock = اضغط زر إلغاء القفل على { $device }.
firmware-request-remove-usb-cable = انزع كابل USB من { $device }.
firmware-request-insert-usb-cable = وصّل كابل USB بـ { $device }.
firmware-request-do-not-power-off = لا توقف تشغيل { $device } ولا هذا الحاسوب حتى ينتهي التحديث.
firmware-request-replug-install = افصل { $device } ثم أعد توصيله لتثبيت التحديث.
firmware-request-replug-power = افصل { $device } عن مصدر الطاقة ثم أعد توصيله.
firmware-request-vendor = { $device }: { $message }
firmware-request-generic = يحتاج { $device } منك إلى فعل شيء ما قبل أن يتمكن التحديث من المتابعة.
firmware-prompt-done = تم
firmware-device-unknown = جهاز غير معروف
