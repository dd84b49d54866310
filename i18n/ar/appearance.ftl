## صفحة المظهر: فاتح أو داكن، ولون التمييز، والتباين، والحركة، وحجم النص.

appearance-title = المظهر
    .keywords = المظهر;مظهر;السمة;سمة;النمط;داكن;فاتح;ليلي;الوضع الداكن;لون;ألوان;تمييز;لون التمييز;وقت اليوم;التباين;الحركة;الرسوم المتحركة;حجم النص;حجم الخط;appearance;theme;dark mode;accent

appearance-style-heading = النمط
appearance-style-light = فاتح
    .desc = نص داكن على أسطح فاتحة.
appearance-style-dark = داكن
    .desc = نص فاتح على أسطح داكنة، أريح للعينين في غرفة خافتة الإضاءة.
appearance-style-time-of-day = اتباع وقت اليوم
    .desc = داكن من الساعة { $night }:00 حتى الساعة { $day }:00، وفاتح في بقية اليوم.

appearance-accent-heading = لون التمييز
appearance-accent-default = لون Ferrum الأصلي
    .desc = اللون الذي تأتي به السمة.
appearance-accent-blue = أزرق
appearance-accent-teal = أزرق مخضرّ
appearance-accent-green = أخضر
appearance-accent-yellow = أصفر
appearance-accent-orange = برتقالي
appearance-accent-red = أحمر
appearance-accent-pink = وردي
appearance-accent-purple = بنفسجي
appearance-accent-custom = لون مخصّص
    .desc = اكتب اللون بالصيغة #rrggbb، مثلًا #2a7ab0.
appearance-accent-custom-apply = استخدام هذا اللون
appearance-accent-custom-in-use = لونك المخصّص { $color } مستخدم.
appearance-accent-custom-invalid = «{ $text }» ليس لونًا. اكتبه بالعلامة # متبوعة بستة أحرف من 0–9 وa–f، مثلًا #2a7ab0.

appearance-readability-heading = التباين والحركة وحجم النص
