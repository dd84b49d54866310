## 「アプリ」ページ: Flatpak アプリのインストール、更新、削除と、アプリの権限。

apps-title = アプリ
    .keywords = アプリ;アプリケーション;プログラム;ソフトウェア;インストール;アンインストール;削除;更新;アップデート;権限;アクセス許可;サンドボックス;ポータル;ストア;flatpak;flathub;apps;applications;install;uninstall;remove;update;updates;permissions;store

apps-installed = インストール済みのアプリ
apps-none-installed = インストールされているアプリはありません。
apps-unreadable = インストール済みのアプリを読み込めません
apps-installation-user = あなた用
apps-installation-system = このコンピューターの全員用
apps-version = バージョン { $version }
apps-origin = 入手元: { $remote }
apps-installed-size = 使用量 { $size }
apps-data-size = データ: { $size }
apps-data-size-unknown = データ: 不明
apps-being-changed = このアプリは変更中です。
apps-open = 開く
apps-open-failed = { $app } を開けませんでした。
apps-permissions = 権限
apps-update = 更新
apps-remove = 削除
apps-close = 閉じる
apps-retry = 再試行
apps-bullet = • { $line }

## 更新

apps-check = 更新を確認
apps-update-all = すべて更新
apps-updates-checking = 更新を確認しています…
apps-updates-count = { $count ->
    [0] すべてのアプリが最新です。
   *[other] { $count } 件の更新があります。
}
apps-updates-failed = 更新を確認できませんでした。{ $reason }
apps-update-available = 更新があります。
apps-update-wider = 更新があります。より多くの権限を求めています。
apps-held-question = { $app } の更新がより多くの権限を求めています
apps-held-explain = 承認するまで更新は保留されます。新しいバージョンが求める権限:
apps-held-accept = 承認して更新
apps-held-decline = 今はしない

## 削除

apps-remove-question = { $app } を削除しますか？
apps-remove-explain = アプリをこのコンピューターから削除します。後でもう一度インストールできます。
apps-remove-data = データも削除する
    .description = アプリ専用フォルダー内の設定やファイルも削除されます。
apps-remove-cancel = 残す
apps-remove-confirm = 削除

## 実行中の変更とその結果

apps-job-install = { $app } をインストール中
apps-job-update = { $app } を更新中
apps-job-remove = { $app } を削除中
apps-step-starting = 開始しています…
apps-step = 手順 { $index }/{ $count }: { $part ->
    [runtime] 必要なランタイム
   *[app] アプリ
}を{ $kind ->
    [install] インストール中
    [update] 更新中
   *[uninstall] 削除中
}
apps-progress = { $job }: { $percent }%。
apps-progress-bytes = { $size } をダウンロードしました。
apps-queued = { $count ->
   *[other] ほかに { $count } 件の変更が待機中です。
}
apps-cancel = キャンセル
apps-cancelling = キャンセルしています…
apps-ended-done = { $kind ->
    [install] { $app } をインストールしました。
    [update] { $app } を更新しました。
   *[remove] { $app } を削除しました。
}
apps-ended-update-running = { $app } は古いバージョンのまま実行中です。アプリを閉じて開き直すと更新が反映されます。
apps-ended-remove-running = { $app } はまだ実行中です。閉じるまで動作し続けます。
apps-ended-cancelled = { $kind ->
    [install] { $app } のインストールをキャンセルしました。何もインストールされていません。
    [update] { $app } の更新をキャンセルしました。インストール済みのバージョンは変わりません。
   *[remove] { $app } の削除をキャンセルしました。
}
apps-ended-failed = { $kind ->
    [install] { $app } をインストールできませんでした。
    [update] { $app } を更新できませんでした。
   *[remove] { $app } を削除できませんでした。
}

## インストール

apps-install = アプリをインストール
apps-search-label = アプリの入手元を検索
apps-search = 検索
apps-searching = 検索しています…
apps-search-none = 「{ $query }」に一致するアプリはありません。
apps-search-remote-failed = { $remote } を検索できませんでした。
apps-details = 詳細
apps-already-installed = インストール済み
apps-download-size = ダウンロード: { $size }
apps-asks-for = 求める権限:
apps-install-button = インストール

## アプリの入手元

apps-remotes = アプリの入手元
apps-remotes-none = アプリの入手元が設定されていません。
apps-remote-disabled = 無効
apps-remote-add-title = アプリの入手元を追加
apps-remote-add-explain = アプリの入手元は .flatpakrepo ファイルを公開しています。その署名鍵は必ず確認されます。
apps-remote-path = .flatpakrepo ファイルのパス
apps-remote-name = 名前 (空欄ならファイル名から)
apps-remote-add = 入手元を追加
apps-remote-adding = 追加しています…
apps-remote-added = アプリの入手元 { $remote } を追加しました。
apps-remote-error-no-path = .flatpakrepo ファイルのパスを入力してください。
apps-remote-error-unreadable = ファイルを読み込めませんでした。
apps-remote-error-too-large = .flatpakrepo ファイルにしてはファイルが大きすぎます。

## アプリの権限

apps-permissions-title = { $app } の権限
apps-permissions-explain = アプリが使えるものです。選択はあなたのこのアプリにだけ適用されます。「アプリの既定」にすると、アプリとほかの設定の指定に従います。
apps-permissions-reset = アプリの既定に戻す
apps-permissions-saving = 保存しています…
apps-permissions-write-failed = 変更を保存できませんでした。{ $reason }
apps-choice-default = アプリの既定
apps-choice-allow = 許可
apps-choice-deny = 拒否
apps-row-state = { $value } — { $source }
apps-source = { $layer ->
    [app] アプリの既定
    [system-global] このコンピューターの全アプリに設定
    [system-app] このコンピューターでこのアプリに設定
    [user-global] 全アプリに対するあなたの設定
    [user-app] このアプリに対するあなたの設定
   *[none] 求められていません
}
apps-value-allowed = 許可
apps-value-denied = 不許可
apps-value-not-asked = 不許可
apps-value-access = { $access ->
    [ro] 読み取りのみ
    [rw] 読み書き
    [create] 読み書き (なければ作成)
   *[denied] 不許可
}
apps-value-bus = { $policy ->
    [see] 参照できる
    [talk] 通信できる
    [own] 名前を所有できる
   *[none] 不許可
}
apps-value-environment = 「{ $value }」に設定
apps-perm-line = { $permission }: { $value }
apps-perm-nothing = 権限を何も求めていません。
apps-perm-shared = { $word ->
    [network] ネットワークを使う
    [ipc] ほかのプログラムとメモリーを共有する
   *[other] 「{ $word }」をこのコンピューターと共有する
}
apps-perm-socket = { $word ->
    [wayland] ウィンドウを表示する
    [x11] X11 でウィンドウを表示する
    [fallback-x11] Wayland がないときは X11 でウィンドウを表示する
    [pulseaudio] 音を再生・録音する
    [session-bus] セッションのすべてのプログラムと通信する
    [system-bus] このコンピューターのすべてのサービスと通信する
    [ssh-auth] あなたの SSH 鍵を使う
    [pcsc] スマートカードを使う
    [cups] 印刷する
    [gpg-agent] あなたの GPG 鍵を使う
   *[other] ソケット「{ $word }」を使う
}
apps-perm-device = { $word ->
    [dri] グラフィックカードを使う
    [input] 入力デバイスを読み取る
    [usb] USB デバイスを使う
    [kvm] 仮想マシンを実行する
    [shm] /dev/shm でメモリーを共有する
    [all] カメラやマイクなど、すべてのデバイスを使う
   *[other] デバイス「{ $word }」を使う
}
apps-perm-feature = { $word ->
    [devel] デバッグツールを使う
    [multiarch] ほかのプロセッサー向けのプログラムを実行する
    [bluetooth] Bluetooth を使う
    [canbus] CAN バスのデバイスを使う
    [per-app-dev-shm] 専用の共有メモリーを持つ
   *[other] 機能「{ $word }」を使う
}
apps-perm-filesystem = { $path ->
    [host] このコンピューターのすべてのファイル
    [host-os] システムのプログラムとライブラリ
    [host-etc] システムの設定
    [home] ホームフォルダー
    [xdg-download] ダウンロードフォルダー
    [xdg-documents] ドキュメントフォルダー
    [xdg-music] ミュージックフォルダー
    [xdg-pictures] ピクチャフォルダー
    [xdg-videos] ビデオフォルダー
    [xdg-desktop] デスクトップフォルダー
   *[other] フォルダー { $path }
}
apps-perm-session-bus = { $name } と通信する
apps-perm-system-bus = システムサービス { $name } と通信する
apps-perm-environment = 変数 { $name }

## ポータルでの許可

apps-portal-title = 求められて許可したもの
apps-portal-none = アプリが求めたときに許可したものはありません。
apps-portal = { $permission ->
    [notifications] 通知を表示する
    [background] バックグラウンドで実行する
    [camera] カメラを使う
    [microphone] マイクを使う
    [speakers] 音を再生する
    [location] 位置情報を知る
   *[screenshot] スクリーンショットを撮る
}
apps-portal-other = { $table }: { $id }
apps-portal-state = { $granted ->
    [yes] { $permission }: 許可
   *[no] { $permission }: 不許可
}
apps-revoke = 取り消す
apps-revoke-failed = 権限を取り消せませんでした。{ $reason }

## エラー

apps-error-not-installed = アプリはインストールされていません。
apps-error-already-installed = アプリはすでにインストールされています。
apps-error-unsigned = アプリの入手元に署名鍵がないため、提供内容を確認できませんでした。追加していません。
apps-error-already-exists = その名前のアプリの入手元はすでにあります。
apps-error-not-found = アプリの入手元はそれを提供していません。
apps-error-unreachable = アプリの入手元に接続できませんでした。このコンピューターがオンラインか確認してください。
apps-error-signature = アプリの入手元から届いたものが入手元の鍵で署名されていないため、拒否しました。何もインストールしていません。
apps-error-cancelled = キャンセルされました。
apps-error-permission-denied = 許可されていません。
apps-error-no-space = ディスクの空き容量が足りません。
apps-error-app-running = アプリが実行中です。アプリを閉じてから、もう一度お試しください。
apps-error-permission-store = 権限ストアが動作していません。少し待ってから、もう一度お試しください。
apps-error-permission-store-hung = 権限ストアが時間内に応答しませんでした。もう一度試すと、保存されている内容を読み込みます。
apps-error-system-helper = Flatpak のシステムサービスが動作していないため、このコンピューターのすべてのユーザー向けのアプリを今は変更できません。何も変更されていません。少し待ってから、もう一度お試しください。
apps-error-worker = 現在 Flatpak が動作していません。ページが自動的に再試行します。
apps-error-other = Flatpak で実行できませんでした。
