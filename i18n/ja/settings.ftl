## Ferrum Settings: the window, its sidebar and search

app-title = 設定
search-placeholder = 設定を検索
search-label = 設定を検索
search-no-results = 「{ $query }」に一致する設定はありません。
theme-toggle-dark = ダークスタイル
theme-toggle-light = ライトスタイル
unknown-panel = 「{ $panel }」という設定ページはありません。代わりに「{ $fallback }」を表示しています。
unknown-panel-detail = 既知のページ: { $known }

## The one error surface every page shares

error-details-show = 詳細
error-details-hide = 詳細を隠す
error-copy = 詳細をコピー
error-dismiss = 閉じる
control-about = { $control }：{ $subject }

## Service states shared by every page

service-loading = 読み込み中…
service-bus-unreachable = システムメッセージバスに接続できないため、設定の読み込みも変更もできません。再試行しています…

## Power page

power-title = 電源
    .keywords = 電源;バッテリー;電池;エネルギー;プロファイル;パフォーマンス;バランス;省電力;充電;寿命;モード;AC アダプター;電源接続;power;battery;performance;ac
power-mode-heading = 電源モード
profile-performance = パフォーマンス
    .desc = 高いパフォーマンスと消費電力です。
profile-balanced = バランス
    .desc = 標準的なパフォーマンスと消費電力です。
profile-power-saver = 省電力
    .desc = パフォーマンスと消費電力を抑えます。
profile-unknown = { $name }
    .desc = このコンピューターが提供する電源モードです。
profile-driver = ドライバー: { $driver }
profile-switching = 切り替え中…
degraded-lap-detected = コンピューターが膝の上に置かれているため、パフォーマンスモードを一時的に制限しています。
degraded-high-temperature = コンピューターの温度が高すぎるため、パフォーマンスモードを一時的に制限しています。
degraded-other = パフォーマンスモードを一時的に制限しています ({ $reason })。
holds-heading = アプリケーションからの要求
hold-row = { $app } が「{ $profile }」を要求しています: { $reason }
hold-row-no-reason = { $app } が「{ $profile }」を要求しています
power-profiles-unavailable = 電源モードを利用できません
    .body = 電源プロファイルサービス (power-profiles-daemon) が動作していません。サービスが起動すると、このページは自動的に更新されます。
power-profiles-failed = 電源モードを読み込めませんでした。
power-profile-not-authorized = 電源モードを変更する権限がありません。
power-profile-not-offered = このコンピューターは「{ $profile }」モードに対応していません。
power-profile-service-gone = 電源プロファイルサービスが停止したため、電源モードを変更できませんでした。
power-profile-failed = 電源モードを変更できませんでした。
power-profile-no-answer = power-profiles-daemon が時間内に応答しませんでした。このページは最後に報告された電源モードを表示し、後の変更にも追従します。

## Battery section of the Power page

battery-heading = バッテリー
battery-percent = { $percent }%
battery-name = { $vendor } { $model }
battery-name-unknown = バッテリー
battery-state-charging = 充電中
battery-state-discharging = バッテリー駆動中
battery-state-empty = 空
battery-state-fully-charged = フル充電
battery-state-pending-charge = 充電していません
battery-state-pending-discharge = 放電待ち
battery-state-unknown = 状態不明
battery-time-to-empty = 残り { $time }
battery-time-to-full = フル充電まで { $time }
duration-hours-minutes = { $hours }時間{ $minutes }分
duration-minutes = { $minutes }分
battery-health = 寿命
battery-health-value = 設計容量の { $percent }% ({ $design } Wh 中 { $full } Wh)
battery-cycles = 充電サイクル { $cycles } 回
battery-rate = { $watts } W
power-source = 電源
power-source-ac = 電源に接続中
power-source-battery = バッテリー駆動中
no-batteries = このコンピューターにはバッテリーがありません。
upower-unavailable = バッテリー情報を利用できません
    .body = 電源情報サービス (UPower) が動作していません。サービスが起動すると、このページは自動的に更新されます。
upower-failed = バッテリー情報を読み込めませんでした。

## About page

about-title = このシステムについて
    .keywords = このシステムについて;概要;システム;バージョン;カーネル;ホスト名;デバイス名;メモリ;プロセッサー;CPU;OS;オペレーティングシステム;情報;about;kernel;hostname;memory;cpu;os
about-os = オペレーティングシステム
about-kernel = カーネル
about-hostname = デバイス名
about-processor = プロセッサー
about-memory = メモリ
about-memory-value = { $gib } GiB
about-unknown = 不明
about-read-failed = システム情報を読み込めませんでした。
about-network-name = ネットワーク名
about-rename = 名前を変更…
about-rename-unavailable = コンピューターの名前を変更できません: ホスト名サービスが動作していません。
about-rename-title = このコンピューターの名前を変更
about-rename-hint = デバイス名は、Bluetooth などで他の人に表示される名前です。ネットワーク名はネットワーク上でこのコンピューターを識別します。変更しない限り、デバイス名に合わせて決まります。
about-rename-pretty = デバイス名
about-rename-static = ネットワーク名
about-rename-save = 名前を変更
about-rename-cancel = キャンセル
about-renaming = コンピューターの名前を変更しています…
about-rename-pretty-empty = デバイス名を入力してください。
about-rename-pretty-control = デバイス名にタブや改行は使えません。
about-rename-pretty-long = デバイス名が長すぎます。短い名前にしてください。
about-rename-static-empty = ネットワーク名を入力してください。
about-rename-static-characters = ネットワーク名に使えるのは a から z の英小文字、数字、ハイフンだけです。
about-rename-static-long = ネットワーク名は 64 文字以内にしてください。
about-rename-static-hyphen = ネットワーク名の最初と最後にハイフンは使えません。
about-rename-refused = 名前は変更されませんでした: 管理者が許可しませんでした。
about-rename-gone = 名前は変更されませんでした: ホスト名サービスが動作していません。
about-rename-no-answer = ホスト名サービスが応答しませんでした。名前は変更されていない可能性があります。サービスが応答すると、このページにその内容が表示されます。
about-rename-invalid = ホスト名サービスがこの名前を受け付けませんでした。
about-rename-failed = 名前を変更できませんでした。
about-rename-partial = デバイス名は変更されましたが、ネットワーク名は変更されませんでした。このページには現在の名前が表示されています。

## Accessibility page

a11y-title = アクセシビリティ
    .keywords = アクセシビリティ;スクリーンリーダー;読み上げ;音声;コントラスト;文字の大きさ;大きな文字;拡大;ズーム;動き;アニメーション;キーボード;accessibility;a11y;screen reader;orca
a11y-seeing-heading = 見る
a11y-hearing-heading = 聞く・話す
a11y-high-contrast = ハイコントラスト
    .desc = 色と輪郭を強調し、見分けやすくします。
a11y-text-scale = 文字の大きさ
    .desc = 文字とコントロールを大きくします。
a11y-text-scale-value = { $percent }%
a11y-reduced-motion = 動きを減らす
    .desc = アニメーションや動きのある効果をオフにします。
a11y-self-voicing = フォーカスされた項目を読み上げる
    .desc = キーボードフォーカスが移動するたびに、そのコントロールを読み上げます。別のスクリーンリーダーは必要ありません。
a11y-speech-unavailable = 読み上げを利用できません: 音声サービス (speech-dispatcher) が動作していません。
a11y-preferences-not-saved = アクセシビリティ設定を保存できませんでした。設定を閉じるまでは適用されます。
a11y-preferences-invalid = 保存されたアクセシビリティ設定を読み込めなかったため、デフォルトの設定を使用しています。

## Words self-voicing and screen readers use

role-button = ボタン
role-switch = スイッチ
role-check-box = チェックボックス
role-radio-button = ラジオボタン
role-radio-group = 選択肢のグループ
role-slider = スライダー
role-list-item = リストの項目
role-list = リスト
role-text-input = テキスト入力欄
role-password-input = パスワード入力欄
role-heading = 見出し
role-label = テキスト
role-group = グループ
role-progress = 進捗バー
role-alert = 通知
state-on = オン
state-off = オフ
state-selected = 選択済み
state-unavailable = 無効
secret-characters = { $count ->
   *[other] { $count } 文字
}

# Started without a display (printed, one sentence).
no-display = ウィンドウを表示できません: Wayland ディスプレイがありません (WAYLAND_DISPLAY が設定されていません)。Wayland セッションから起動してください。
no-display-socket = ウィンドウを表示できません: Wayland ディスプレイ { $path } が存在しません。

# Said when reading aloud is turned on or off.
voicing-on = 読み上げオン
voicing-off = 読み上げオフ
upower-no-answer = UPower が時間内に応答しなかったため、バッテリーの状態は不明です。

# A percentage (a level, a volume).
percent-value = { $percent }%

# A size in bytes, kilobytes (1000 bytes), megabytes and gigabytes.
size-bytes = { $size } バイト
size-kb = { $size } kB
size-mb = { $size } MB
size-gb = { $size } GB
