## ファームウェアのページ (fwupd が認識しているデバイス、その更新、更新のインストール)。

firmware-title = ファームウェア
    .keywords = ファームウェア;ファーム;アップデート;更新;BIOS;UEFI;fwupd;LVFS;デバイス;ウェブカメラ;Webカメラ;ドック;firmware;update;updates;device;webcam;dock

firmware-devices = デバイス
firmware-none = 表示できるファームウェアを持つデバイスは見つかりませんでした。
firmware-not-running = ファームウェアサービスが動作していません
    .body = ファームウェアの更新は fwupd から提供されます。fwupd が動作し始めると、このページにそのデバイスが自動的に表示されます。
firmware-unreadable = ファームウェアサービスのデバイスを読み込めません

## デバイス

firmware-vendor = 製造元: { $vendor }
firmware-version = バージョン { $version }
firmware-version-unknown = バージョン不明
firmware-live-usable = 更新中も使用できます。
firmware-live-unusable = 更新中は使用できません。
firmware-live-reboot = 更新はコンピューターの再起動時に完了します。
firmware-live-shutdown = 更新はコンピューターのシャットダウン後に完了します。
firmware-not-updatable = このデバイスのファームウェアはここでは更新できません。
firmware-up-to-date = 最新の状態です。
firmware-state-pending = 次回の再起動を待っている更新があります。
firmware-state-success = 前回の更新は成功しました。
firmware-state-failed = 前回の更新は失敗しました: { $reason }
firmware-state-failed-plain = 前回の更新は失敗しました。
firmware-state-needs-reboot = 前回の更新はコンピューターの再起動時に完了します。
firmware-state-failed-transient = 前回の更新を実行できませんでした。もう一度試すことができます。

## 利用できる更新

firmware-update-available = バージョン { $version } を利用できます
firmware-update-size = サイズ: { $size }
firmware-urgency-low = 緊急度: 低
firmware-urgency-medium = 緊急度: 中
firmware-urgency-high = 緊急度: 高
firmware-urgency-critical = 重大: 早めにインストールしてください
firmware-release-notes = 新機能
firmware-update = 更新
firmware-update-elsewhere = 別の更新をインストールしています。
firmware-being-updated = この更新をインストールしています。
# 別のプログラムが要求した更新を fwupd がインストールしているとき。
firmware-busy-elsewhere = 別のプログラムがファームウェアを更新しています: { $step }、{ $percent }%。

## 進行中の更新

firmware-updating = { $device } をバージョン { $version } に更新しています
firmware-step-downloading = 更新をダウンロードしています
firmware-step-checking = ダウンロードしたファイルを確認しています
firmware-step-preparing = 更新を準備しています
firmware-step-authorizing = 許可を待っています
firmware-step-device-busy = デバイスを待っています
firmware-step-reading = デバイスを読み取っています
firmware-step-erasing = 古いファームウェアを消去しています
firmware-step-writing = ファームウェアを書き込んでいます
firmware-step-verifying = ファームウェアを検証しています
firmware-step-restarting = デバイスを再起動しています
firmware-step-waiting-for-you = ユーザーの操作を待っています
firmware-step-working = 更新しています
# プログレスバーの名前 (スクリーンリーダーが読み上げます)。
firmware-progress = { $device }: { $step }、{ $percent }%
# 段階が変わったときに読み上げます。
firmware-progress-step = { $device }: { $step }

## 更新の結果

firmware-done = { $device } をバージョン { $version } に更新しました。
firmware-restart-needed = { $device } は、コンピューターの再起動時にバージョン { $version } に更新されます。
firmware-shutdown-needed = { $device } は、コンピューターをシャットダウンしてもう一度起動した後にバージョン { $version } に更新されます。
firmware-failed = { $device } をバージョン { $version } に更新できませんでした。
firmware-restart = 再起動して完了
firmware-close = 閉じる
firmware-restart-failed = コンピューターを再起動できませんでした。

## 失敗の理由

firmware-error-offline = このコンピューターはオフラインのため、更新をダウンロードできませんでした。
firmware-error-untrusted = ダウンロードサーバー { $host } の身元を確認できなかったため、更新はダウンロードされませんでした。
firmware-error-download = 更新をダウンロードできませんでした。
firmware-error-checksum = ダウンロードしたファイルが更新の記述と一致しないため、何もインストールしませんでした。
firmware-error-no-checksum = 更新にダウンロードを照合するためのチェックサムが記載されていないため、何もインストールしませんでした。
firmware-error-no-location = 更新のダウンロード元が記載されていません。
firmware-error-unsupported = 更新は、このコンピューターがダウンロードできないアドレスで提供されています。
firmware-error-busy = デバイスは使用中です。使用していないときにもう一度試してください。
firmware-error-not-authorized = このコンピューターでファームウェアを更新する権限がありません。
firmware-error-not-running = ファームウェアサービスが動作していません。
firmware-error-stopped-during = 更新中にファームウェアサービスが停止しました。下のデバイスは、サービスが現在報告している状態で表示されています。
firmware-error-timeout = ファームウェアサービスが時間内に応答しませんでした。
firmware-error-nothing-to-do = インストールするものはありません: このバージョンはすでに入っています。
firmware-error-refused = ファームウェアサービスが更新を拒否しました。
firmware-error-remote = 更新の提供元を利用できません。
firmware-error-local = 更新の準備中に、このコンピューターで問題が発生しました。
firmware-error-bus = ファームウェアサービスに接続できませんでした。

## 更新の確認

firmware-check = 更新を確認
firmware-refresh-checking = 更新を確認しています…
firmware-refresh-last = { $days ->
    [0] 最後に更新を確認したのは今日です。
    [1] 最後に更新を確認したのは昨日です。
   *[other] 最後に更新を確認したのは { $days } 日前です。
}
firmware-refresh-never = まだ更新を確認していません。
firmware-refresh-metered = 従量制課金接続では更新を自動的に確認しません。今すぐ確認するには「更新を確認」を選んでください。
firmware-refresh-offline = このコンピューターはオフラインです。オンラインに戻ったときに更新を確認します。
firmware-refresh-failed = 更新を確認できませんでした。{ $reason }
firmware-refresh-no-remote = ファームウェア更新の提供元が設定されていません。

## fwupd がユーザーに操作を求めるとき

firmware-prompt-title = { $device } で操作が必要です
firmware-request-remove-replug = { $device } を取り外して、もう一度接続してください。
firmware-request-press-unlock = { $device } のロック解除ボタンを押してください。
firmware-request-remove-usb-cable = { $device } から USB ケーブルを外してください。
firmware-request-insert-usb-cable = { $device } に USB ケーブルを接続してください。
firmware-request-do-not-power-off = 更新が完了するまで、{ $device } とこのコンピューターの電源を切らないでください。
firmware-request-replug-install = 更新をインストールするには、{ $device } を取り外して、もう一度接続してください。
firmware-request-replug-power = { $device } を電源から外して、もう一度接続してください。
firmware-request-vendor = { $device }: { $message }
firmware-request-generic = 更新を続けるには、{ $device } で操作が必要です。
firmware-prompt-done = 完了
firmware-device-unknown = 不明なデバイス
