# Bluetooth のページ。
bluetooth-title = Bluetooth
    .keywords = Bluetooth;ブルートゥース;ワイヤレス;無線;ペアリング;接続;デバイス;機器;ヘッドセット;ヘッドホン;イヤホン;スピーカー;キーボード;マウス;コントローラー;スマートフォン;電話;アダプター;表示名;bluetooth;headset;pair;wireless

bluetooth-not-running = Bluetooth が動作していません
    .body = Bluetooth サービス (bluetoothd) が動作していません。起動するとこのページは自動で更新されます。
bluetooth-no-adapter = Bluetooth アダプターがありません
    .body = このコンピューターには Bluetooth アダプターがないか、オフになっています。アダプターを接続するかオンにすると、ここに自動で表示されます。
bluetooth-no-answer = Bluetooth が応答しません
    .body = Bluetooth サービスは動作していますが、時間内に応答しませんでした。再び応答するとこのページは自動で更新されます。
bluetooth-unreadable = Bluetooth の状態を読み取れませんでした
    .body = { $detail }。このページは自動で再試行します。

# アダプター。
bluetooth-adapter-heading = このコンピューター
bluetooth-adapter-choice = Bluetooth アダプター
bluetooth-adapter-name = { $name } ({ $id })
bluetooth-adapter-address = アドレス { $address }
bluetooth-power = Bluetooth
bluetooth-power-on = オン: デバイスはこのコンピューターに接続できます。
bluetooth-power-off = オフ: どのデバイスも接続できません。
bluetooth-power-turning-on = オンにしています…
bluetooth-power-turning-off = オフにしています…
bluetooth-visible-as = 表示名
bluetooth-alias-save = 名前を保存
bluetooth-saving = 保存しています…
bluetooth-discoverable = このページを開いている間、近くのデバイスからこのコンピューターが「{ $name }」として見つかります。
bluetooth-discoverable-soon = このページを開いている間、近くのデバイスからこのコンピューターが見つかります。
bluetooth-discoverable-off = 近くのデバイスからこのコンピューターを見つけられるようにするには、Bluetooth をオンにしてください。
bluetooth-address = アドレス
bluetooth-name-empty = 名前を入力してください。空にはできません。
bluetooth-name-too-long = 名前は最大 { $max } バイトです (日本語の文字は 1 文字 3 バイト)。この名前は { $bytes } バイトあります。短くしてください。

# デバイス。
bluetooth-my-devices = 自分のデバイス
bluetooth-nearby = 近くのデバイス
bluetooth-no-paired = このコンピューターとペアリングしたデバイスはまだありません。
bluetooth-searching = デバイスを探しています…
bluetooth-searching-note = このページを開いている間、ほかのデバイスを探し続けます。
bluetooth-no-nearby = 近くにほかのデバイスはありません。
bluetooth-off-nearby = 近くのデバイスを探すには、Bluetooth をオンにしてください。

bluetooth-kind-headset = ヘッドセット
bluetooth-kind-headphones = ヘッドホン
bluetooth-kind-speaker = スピーカー
bluetooth-kind-keyboard = キーボード
bluetooth-kind-mouse = マウス
bluetooth-kind-gamepad = ゲームコントローラー
bluetooth-kind-phone = 電話
bluetooth-kind-computer = コンピューター
bluetooth-kind-tablet = ペンタブレット
bluetooth-kind-watch = 腕時計
bluetooth-kind-printer = プリンター
bluetooth-kind-camera = カメラ
bluetooth-kind-other = デバイス

bluetooth-signal-strong = 電波: 強
bluetooth-signal-fair = 電波: 中
bluetooth-signal-weak = 電波: 弱
bluetooth-state-connected = 接続済み
bluetooth-state-paired = ペアリング済み
bluetooth-state-trusted = 信頼済み
bluetooth-state-blocked = ブロック中
bluetooth-battery = バッテリー { $percent }%

bluetooth-busy-pairing = ペアリングしています…
bluetooth-busy-connecting = 接続しています…
bluetooth-busy-disconnecting = 切断しています…
bluetooth-busy-forgetting = 削除しています…
bluetooth-busy-blocking = ブロックしています…
bluetooth-busy-unblocking = ブロックを解除しています…
bluetooth-busy-renaming = 名前を変更しています…

bluetooth-pair = ペアリング
bluetooth-connect = 接続
bluetooth-disconnect = 切断
bluetooth-details-show = 詳細
bluetooth-details-hide = 詳細を隠す
bluetooth-forget = 削除
bluetooth-block = ブロック
bluetooth-unblock = ブロック解除
bluetooth-rename = 名前を変更
bluetooth-rename-label = 名前
bluetooth-rename-save = 保存
bluetooth-cancel = キャンセル
bluetooth-dismiss = 閉じる
bluetooth-sound-settings = サウンドの設定
bluetooth-kind = 種類
bluetooth-services = サービス
bluetooth-services-none = 報告なし
bluetooth-own-name = デバイス自身の名前
bluetooth-forget-question = 「{ $name }」を削除しますか?
    .body = このコンピューターからペアリングを消去します。再び使うには、もう一度ペアリングしてください。

bluetooth-service-audio-sink = オーディオ再生
bluetooth-service-audio-source = オーディオ入力元
bluetooth-service-headset = 通話 (ヘッドセット)
bluetooth-service-remote-control = メディア操作
bluetooth-service-input = 入力 (キーボード、マウス)
bluetooth-service-battery = バッテリー残量
bluetooth-service-file-transfer = ファイル転送
bluetooth-service-network = ネットワーク共有
bluetooth-service-serial-port = シリアルポート
bluetooth-service-phone-book = 連絡先
bluetooth-service-messages = メッセージ
bluetooth-service-other = サービス { $uuid }

# ペアリングのダイアログ。
bluetooth-pairing-title = 「{ $name }」とのペアリング
bluetooth-ask-pin = 「{ $name }」の PIN コード (1～16 文字) を入力してください。デバイスの説明書に書かれているか、デバイスに表示されています。
bluetooth-ask-passkey = 「{ $name }」に表示されている 6 桁のパスキーを入力してください。
bluetooth-ask-display = 「{ $name }」で { $code } と入力し、Enter キーを押してください。
bluetooth-display-progress = デバイスで 6 桁中 { $entered } 桁を入力済み
bluetooth-ask-confirm = 「{ $name }」に { $code } と表示されていますか? 同じ数字のときだけ確認してください。
bluetooth-ask-authorize = 「{ $name }」がこのコンピューターとのペアリングを求めています。許可しますか?
bluetooth-ask-authorize-service = 「{ $name }」がこのコンピューターの{ $service }を使おうとしています。許可しますか?
bluetooth-pin-label = PIN コード
bluetooth-passkey-label = パスキー
bluetooth-confirm = 確認
bluetooth-allow = 許可
bluetooth-deny = 拒否
bluetooth-pin-empty = PIN コードを入力してください。
bluetooth-pin-too-long = PIN コードは 16 文字までです。
bluetooth-pin-not-printable = PIN コードに制御文字は使えません。
bluetooth-passkey-not-digits = パスキーは、デバイスに表示される 6 桁までの数字です。
bluetooth-request-ended = 「{ $name }」は応答を待つのをやめました。デバイス側でペアリングが取り消されたか、時間内に誰も応答しませんでした。

# 失敗したコマンド。続けて BlueZ が伝えた理由を示します。
bluetooth-error-with-reason = { $sentence } BlueZ の理由: { $reason }
bluetooth-error-power-on = Bluetooth をオンにできませんでした。
bluetooth-error-power-off = Bluetooth をオフにできませんでした。
bluetooth-error-alias = このコンピューターの表示名を変更できませんでした。
bluetooth-error-pair = 「{ $name }」とペアリングできませんでした。
bluetooth-error-connect = 「{ $name }」に接続できませんでした。
bluetooth-error-disconnect = 「{ $name }」を切断できませんでした。
bluetooth-error-forget = 「{ $name }」を削除できませんでした。
bluetooth-error-block = 「{ $name }」をブロックできませんでした。
bluetooth-error-unblock = 「{ $name }」のブロックを解除できませんでした。
bluetooth-error-rename = 「{ $name }」の名前を変更できませんでした。
bluetooth-error-not-running = Bluetooth サービスが停止しました。
bluetooth-error-no-adapter = Bluetooth アダプターがなくなりました。
bluetooth-error-no-answer = Bluetooth サービスが時間内に応答しませんでした。
bluetooth-error-blocked = Bluetooth アダプターがオフか、ブロックされています。
bluetooth-error-not-permitted = この Bluetooth の設定を変更する権限がありません。
bluetooth-error-busy = 「{ $name }」はほかの要求を処理中です。少し待ってからもう一度お試しください。
bluetooth-error-not-found = 「{ $name }」はこのコンピューターにもう登録されていません。
bluetooth-error-not-supported = デバイスまたはアダプターはこの操作に対応していません。
bluetooth-error-nothing-to-connect = 「{ $name }」には、このコンピューターから接続できる機能がありません。ペアリングはそのまま残ります。
bluetooth-error-rejected = 「{ $name }」がペアリングを拒否しました。
bluetooth-error-auth-failed = 「{ $name }」とのペアリングに失敗しました。コードが一致しませんでした。
bluetooth-error-canceled = 「{ $name }」とのペアリングは取り消されました。
bluetooth-error-auth-timeout = ペアリング中に「{ $name }」が時間内に応答しませんでした。
