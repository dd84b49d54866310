# プリンターのページ (CUPS。管理者の許可が必要な変更は cups-pk-helper と polkit を通り、
# ネットワーク上のプリンターは Avahi で見つけます)。

printers-title = プリンター
    .keywords = プリンター;プリンタ;印刷;印刷キュー;キュー;ジョブ;印刷ジョブ;インク;トナー;用紙;紙;スキャナー;ネットワークプリンター;printer;print;cups;ipp;airprint;driverless

## プリンターの一覧。
printers-none = まだプリンターが追加されていません。
printers-add = プリンターを追加…
printers-default-mark = デフォルトのプリンター
printers-set-default = デフォルトにする
printers-pause = 一時停止
printers-resume = 再開
printers-test-page = テストページを印刷
printers-test-page-sent = { $printer } にテストページを送信しました。
printers-rename = 名前を変更
printers-rename-field = 新しい名前
printers-rename-save = 保存
printers-rename-cancel = キャンセル
printers-remove = 削除
printers-remove-question = 「{ $printer }」を削除しますか?
printers-remove-explain = 待機中のジョブはキャンセルされます。後でもう一度追加できます。
printers-remove-confirm = 削除
printers-remove-cancel = キャンセル
printers-details = 詳細
printers-hide-details = 詳細を隠す
printers-options = デフォルトのオプション
printers-jobs-heading = ジョブ
printers-location = 場所
printers-address = アドレス
printers-model = モデル
printers-dismiss = 閉じる
printers-ink-heading = インクとトナー
printers-ink-level = { $marker }: { $percent }%
printers-waste-level = { $marker }: 空き容量 { $percent }%
printers-ink-unknown = { $marker }: 残量不明
printers-ink-none = このプリンターはインクやトナーの残量を知らせません。

## プリンターの状態とその理由 (わかりやすい言葉で)。
printers-state-idle = 準備完了
printers-state-printing = 印刷中
printers-state-stopped = 一時停止中
printers-state-not-accepting = 新しいジョブを受け付けていません
printers-reason-media-empty = 用紙がありません。
printers-reason-media-jam = 紙詰まりです。
printers-reason-media-low = 用紙が少なくなっています。
printers-reason-offline = プリンターがオフラインです。
printers-reason-toner-low = トナーが少なくなっています。
printers-reason-toner-empty = トナーがありません。
printers-reason-marker-low = インクが少なくなっています。
printers-reason-marker-empty = インクがありません。
printers-reason-waste-full = 廃インクまたは廃トナーの容器がいっぱいです。
printers-reason-cover-open = カバーが開いています。
printers-reason-door-open = ドアが開いています。
printers-reason-tray-missing = 用紙トレイがありません。
printers-reason-output-full = 排紙トレイがいっぱいです。
printers-reason-shutdown = プリンターの電源が切れています。
printers-reason-missing-filter = このプリンターで印刷するのに必要なプログラムがありません。
printers-reason-paused = 管理者によって一時停止されています。
printers-reason-connecting = プリンターに接続しています…
printers-reason-other = プリンターからの報告:「{ $reason }」

## ジョブ。
printers-jobs-none = 待機中のジョブはありません。
printers-job-title-unknown = 無題のドキュメント
printers-job-private = ほかのユーザーの文書
printers-job-line = { $title } — { $owner }
printers-job-pages = { $pages ->
   *[other] { $pages } ページ
}
printers-job-pending = 待機中
printers-job-held = 保留中
printers-job-processing = 印刷中
printers-job-stopped = 停止
printers-job-canceled = キャンセル済み
printers-job-aborted = 失敗
printers-job-completed = 印刷済み
printers-job-cancel = キャンセル
printers-job-hold = 保留
printers-job-release = 保留を解除
printers-jobs-cancel-mine = 自分のジョブをすべてキャンセル

## オプション (プリンター自体のデフォルト)。
printers-option-media = 用紙サイズ
printers-option-sides = 両面印刷
printers-sides-one = 片面
printers-sides-long = 両面、長辺とじ (本)
printers-sides-short = 両面、短辺とじ (メモ帳)
printers-option-color = カラー
printers-color-color = カラー
printers-color-monochrome = 白黒
printers-color-auto = 自動
printers-option-quality = 品質
printers-quality-draft = 下書き
printers-quality-normal = 標準
printers-quality-high = 高品質

## プリンターの追加。
printers-add-heading = プリンターを追加
printers-add-close = 閉じる
printers-add-searching = ネットワーク上のプリンターを探しています…
printers-add-none-found = ネットワーク上にプリンターはまだ見つかっていません。アドレスを指定して追加できます。
printers-add-discovery-unavailable = ネットワーク上のプリンターを探せません: 検出サービス (Avahi) が動作していません。アドレスを指定して追加することはできます。
printers-add-found = { $host } ({ $address })
printers-add-discovery-failed = ネットワーク上のプリンターを探せませんでした。
printers-add-this = 追加
printers-add-added = 追加済み
printers-add-needs-driver = Ferrum にないドライバーが必要です: 追加できるのはドライバー不要のプリンター (IPP Everywhere、AirPrint) だけです。
printers-add-by-address = アドレスを指定して追加
printers-add-address-field = アドレス (ipp://、ipps://、またはホスト名)
printers-add-address-button = 追加
printers-added = { $printer } を追加しました。

## CUPS に問い合わせる前に伝える、アドレスの誤り。
printers-address-empty = プリンターのアドレスを入力してください。
printers-address-scheme = 使えるのは ipp:// と ipps:// のアドレス (またはホスト名) だけです。
printers-address-host = 「{ $host }」は有効なホスト名でも IP アドレスでもありません。
printers-address-port = ポートは 1 から 65535 までの数字にしてください。
printers-address-spaces = アドレスにスペースは使えません。
printers-address-path = ホストの後ろの部分が、有効なプリンターのパスではありません。

## 名前の誤り。
printers-name-empty = プリンターの名前を入力してください。
printers-name-invalid = プリンターの名前にはスペース、「/」、「#」は使えず、長さは 127 文字までです。
printers-name-too-long = プリンター名は127文字以内にしてください。

## 失敗。
printers-not-running = 印刷サービスが動作していません
    .body = CUPS が動作していません。CUPS が戻るとすぐに、このページにプリンターがまた表示されます。
printers-unreadable = プリンターを読み込めません
printers-error-not-running = 印刷サービス (CUPS) が動作していません。
printers-error-not-authorized = 管理者に許可されませんでした。何も変更されていません。
printers-error-helper-missing = プリンター管理サービス (cups-pk-helper) を利用できません。
printers-error-timeout = 印刷サービスが時間内に応答しませんでした。
printers-error-refused = CUPS に拒否されました: { $message }
printers-error-not-found = そのプリンターまたはジョブはもう存在しません。
printers-error-bad-answer = 印刷サービスの応答を読み取れませんでした。
printers-error-unreachable = 印刷サービスに接続できませんでした。
printers-error-bus = システムバスが要求を伝えられませんでした。
printers-failed-add = { $printer } を追加できませんでした。
printers-failed-remove = { $printer } を削除できませんでした。
printers-failed-default = { $printer } をデフォルトにできませんでした。
printers-failed-pause = { $printer } を一時停止できませんでした。
printers-failed-resume = { $printer } を再開できませんでした。
printers-failed-accepting = { $printer } がジョブを受け付けるかどうかを変更できませんでした。
printers-failed-rename = { $printer } の名前を変更できませんでした。
printers-failed-test-page = { $printer } でテストページを印刷できませんでした。
printers-failed-option = { $printer } のオプションを変更できませんでした。
printers-failed-job = ジョブ「{ $job }」を変更できませんでした。
