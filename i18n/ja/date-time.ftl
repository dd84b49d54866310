## The Date & Time page: the clock, automatic time, the time zone, the 24-hour clock.

date-time-title = 日付と時刻
    .keywords = 日付;時刻;時間;時計;タイムゾーン;時間帯;NTP;自動時刻;ネットワーク時刻;24時間;12時間;午前;午後;UTC;カレンダー;date;time;clock;time zone;timezone

date-time-not-running = 時刻サービスが動作していません
    .body = 日付と時刻の設定は systemd-timedated から取得します。動作し始めると、このページに自動的に表示されます。
date-time-unreadable = 時刻サービスの設定を読み取れません

# The live clock as a screen reader hears it.
date-time-clock-name = { $time }、{ $date }
# The machine's zone with its offset: "Berlin (Europe), UTC+01:00".
date-time-zone-line = { $zone }、{ $offset }
date-time-utc = UTC
# $offset is written with its sign: "+01:00", "−03:30".
date-time-offset = UTC{ $offset }

date-time-time-heading = 時刻
date-time-automatic = 日付と時刻を自動設定
    .desc = ネットワークのタイムサーバーに合わせます。
date-time-automatic-synchronized = ネットワークのタイムサーバーに合わせます。時計は同期済みです。
date-time-automatic-unavailable = 自動時刻は使用できません: このコンピューターには時刻同期サービスがインストールされていません。
date-time-turning-automatic-on = 自動時刻をオンにしています…
date-time-turning-automatic-off = 自動時刻をオフにしています…

date-time-manual-open = 日付と時刻を設定…
date-time-manual-title = 日付と時刻の設定
date-time-manual-hint = 時刻はこのコンピューターのタイムゾーンで、24 時間表記で入力します。
date-time-manual-date = 日付 (年-月-日)
date-time-manual-time = 時刻 (時:分)
date-time-manual-set = 設定
date-time-setting-time = 時計を設定しています…
date-time-manual-date-form = 日付は 年-月-日 の形で入力してください (例: 2026-12-07)。
date-time-manual-no-such-day = その日は存在しません。月と日を確認してください。
date-time-manual-year-range = 1970 年から 2199 年までの年を選んでください。
date-time-manual-time-form = 時刻は 時:分 の形で入力してください (例: 14:05)。
date-time-manual-no-such-time = その時刻は存在しません。時は 0 から 23、分は 0 から 59 です。
date-time-cancel = キャンセル

date-time-zone-heading = タイムゾーン
date-time-zone-change = タイムゾーンを変更…
date-time-changing-zone = タイムゾーンを { $zone } に変更しています…
date-time-picker-title = タイムゾーンの選択
date-time-picker-search = 都市、地域、国で検索
date-time-picker-loading = タイムゾーンを読み込んでいます…
date-time-picker-none = 「{ $query }」に一致するタイムゾーンはありません。
date-time-picker-more = ほかにも一致するタイムゾーンがあります。名前をさらに入力して絞り込んでください。
# A zone's local time now, what a screen reader hears after the zone.
date-time-picker-local = 現地時刻 { $time }

date-time-clock-heading = 時計
date-time-24-hour = 24 時間表示
    .desc = 午後 2:00 ではなく 14:00 と表示します。あなただけの設定で、コンピューターの時計は変わりません。

date-time-error-zone-refused = タイムゾーンは変更されませんでした: 管理者が許可しませんでした。
date-time-error-automatic-refused = 自動時刻は変更されませんでした: 管理者が許可しませんでした。
date-time-error-time-refused = 時計は設定されませんでした: 管理者が許可しませんでした。
date-time-error-unknown-zone = このコンピューターはタイムゾーン { $zone } を知りません。
date-time-error-gone = 変更の前に時刻サービスが停止しました。何も変更されていません。もう一度お試しください。
date-time-error-no-answer = 時刻サービスが応答しませんでした。変更されていない可能性があります。サービスが応答すると、その内容がこのページに表示されます。
date-time-error-automatic-on = 自動時刻がオンの間は、時計を手動で設定できません。
date-time-error-skipped = { $time } はこのタイムゾーンには存在しません (時計がその時刻を飛ばします)。別の時刻を選んでください。
date-time-error-failed = 変更されませんでした: 時刻サービスがエラーを報告しました。
