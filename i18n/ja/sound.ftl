# サウンドのページ (PipeWire、セッションマネージャーは WirePlumber)。

sound-title = サウンド
    .keywords = サウンド;音;音声;オーディオ;音量;ボリューム;スピーカー;ヘッドホン;イヤホン;ヘッドセット;マイク;マイクロフォン;ミュート;消音;バランス;出力;入力;レベル;大音量;pipewire;audio;volume;speakers;headphones;microphone;mute

## 2 つの主なセクション。
sound-output-heading = 出力
sound-input-heading = 入力
sound-no-outputs = 出力が見つかりません: サウンドカード、ヘッドセット、スピーカーのいずれも接続されていません。
sound-no-inputs = 入力が見つかりません: マイクが接続されていません。
sound-output-volume = 出力音量
sound-output-mute = 出力をミュート
sound-input-volume = 入力音量
sound-input-mute = マイクをミュート
sound-balance = バランス
sound-balance-centre = 中央
sound-balance-left = 左 { $percent }%
sound-balance-right = 右 { $percent }%
sound-output-level = 出力レベル
sound-input-level = 入力レベル
sound-level-unavailable = レベルを測定できません。{ $reason }
sound-nothing-playing = 何も再生されていません。
sound-test = スピーカーをテスト
sound-testing = 左から順に、各スピーカーでテスト音を再生しています…
sound-amplify = 100% を超える音量を許可
    .desc = 音量を 150% まで上げられます。100% を超えると音が歪むことがあります。

## アプリケーション。
sound-apps-heading = アプリケーション
sound-no-streams = 音声を再生または録音しているアプリケーションはありません。
sound-stream-unnamed = 名前のないアプリケーション
sound-stream-unlinked = まだデバイスに接続されていません。
sound-stream-playing-on = { $devices } で再生中
sound-stream-recording-from = { $devices } から録音中
sound-stream-volume = 音量
sound-stream-mute = ミュート
sound-stream-output = 再生先
sound-stream-input = 録音元
sound-stream-follow-default-output = デフォルトの出力 ({ $device })
sound-stream-follow-default-input = デフォルトの入力 ({ $device })

## デバイスとそのプロファイル。
sound-devices-heading = デバイス
sound-no-devices = サウンドカードもヘッドセットも接続されていません。
sound-no-profiles = このデバイスには選択できるプロファイルがありません。
sound-profile-of = { $device } のプロファイル
sound-profile-off = このデバイスは使用されません。
sound-profile-duplex = 音声を再生し、マイク入力から録音します。
sound-profile-output = 再生のみ。入力は使用されません。
sound-profile-input = 録音のみ。出力は使用されません。
sound-profile-a2dp = 聴くための最高音質。ヘッドセットのマイクはオフになります。
sound-profile-headset = 通話用にヘッドセットのマイクをオンにします。音質は低くなります。
sound-profile-pro-audio = スタジオ用ソフトウェア向けに、ミックスせずに各チャンネルを個別に扱います。
sound-profile-unavailable = 現在、何も接続されていません。

## サウンドを表示できないとき。
sound-not-running = サウンドサービスが動作していません
    .body = 音声の再生と録音を行う PipeWire が動作していません。起動するとこのページは自動で元に戻ります。
sound-no-answer = サウンドサービスが応答しません
    .body = PipeWire は動作していますが、時間内に応答しませんでした。このページは自動で再試行します。
sound-unreadable = サウンドを表示できません
    .body = サウンドサービスを読み込めませんでした: { $detail }
sound-no-session-manager = サウンドデバイスが管理されていません
    .body = デフォルトのデバイスを選び、アプリケーションをそこに接続する WirePlumber が動作していません。音量は変更できますが、WirePlumber が起動するまでデバイスは選択できません。

## 失敗したコマンド: 何が失敗し、なぜ失敗したか。
sound-failed-default = 「{ $name }」をデフォルトにできませんでした。
sound-failed-volume = 「{ $name }」の音量を変更できませんでした。
sound-failed-mute = 「{ $name }」のミュートを切り替えられませんでした。
sound-failed-move = 「{ $name }」を別のデバイスに移動できませんでした。
sound-failed-profile = 「{ $name }」のプロファイルを変更できませんでした。
sound-failed-test = 「{ $name }」でスピーカーテストを再生できませんでした。
sound-error-not-running = サウンドサービスが動作していません。
sound-error-no-session-manager = サウンドのセッションマネージャーである WirePlumber が動作していません。
sound-error-no-answer = サウンドサービスが時間内に応答しませんでした。
sound-error-gone = すでに存在しません (取り外されたか、閉じられました)。
sound-error-no-profile = デバイスがそのプロファイルを提供しなくなりました。
sound-error-unsuitable = この用途には使用できません。
sound-error-no-volume = 音量を調節できません。
sound-error-invalid-volume = その音量は許可されていません。100% を超えるには「100% を超える音量を許可」をオンにしてください。
sound-error-not-permitted = サウンドサービスが許可しませんでした。
sound-error-refused = サウンドサービスが変更を拒否しました。
sound-error-stream-failed = サウンドストリームが停止しました (デバイスが取り外された可能性があります)。
sound-error-local = 設定アプリがサウンドサービスと通信できませんでした。

## Added with ports and paused streams.
sound-port = 接続端子
sound-port-unplugged = 何も接続されていません。
sound-stream-paused = 一時停止中
sound-failed-port = 「{ $name }」をその接続端子に切り替えられませんでした。
sound-preferences-invalid = 保存されたサウンドの設定を読み込めませんでした。もう一度選ぶまで音量は100%までです。
sound-preferences-not-saved = 100%を超える音量についての選択を保存できませんでした。設定アプリを閉じるまで有効です。
