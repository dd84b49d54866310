## 地域と言語のページ: 利用者とコンピューターの言語、プレビュー付きの書式、コンピューターのキーボード配列。

region-title = 地域と言語
    .keywords = 言語;地域;ロケール;書式;日付の書式;数値の書式;単位;メートル法;用紙;A4;レター;キーボード;配列;キー配列;入力;翻訳

region-not-running = 言語サービスが動作していません
    .body = ログイン画面の言語、書式、キーボードは systemd-localed から取得します。動作し始めると、このページに自動的に表示されます。
region-unreadable = 言語サービスの設定を読み取れません

region-language-heading = 言語
region-person-language = あなたの言語
    .desc = 次回のログインから、アプリとデスクトップがこの言語を使います。
region-person-unset = 未選択: ログイン画面の言語
region-person-unavailable = 現在、アカウントの言語を読み取れません。
region-machine-language = ログイン画面と新しいアカウント
    .desc = ログイン画面と、言語を選んでいない人の言語です。変更には管理者が必要です。
region-unset = 未設定
region-change = 変更…
region-close = 一覧を閉じる

region-formats-heading = 書式
region-formats = 日付、数値、単位、用紙
    .desc = この地域の書き方で、このコンピューターのすべての人に適用されます。変更には管理者が必要です。
region-preview = プレビュー
region-preview-date = 日付
region-preview-short-date = 数字の日付
region-preview-number = 数値
region-preview-measurement = 単位
region-preview-paper = 用紙
region-preview-name = プレビュー: { $date }、{ $short }、{ $number }、{ $measurement }、{ $paper }
region-measurement-metric = メートル法
region-measurement-us = 米国の単位 (インチ、ポンド)
region-paper-a4 = A4
region-paper-letter = US レター

region-keyboard-heading = キーボード配列
region-keyboard-explained = ログイン画面と新しいセッションはこれらの配列で始まり、最初の配列が先に使われます。変更には管理者が必要です。
region-keyboard-none = 配列が設定されていません: キーボードは英語 (US) です。
region-layout-first = 最初に使う
region-layout-remove = 削除
region-layout-add = 配列を追加…

region-picker-title = キーボード配列を追加
region-picker-search = 配列を検索
region-picker-loading = キーボード配列を読み込んでいます…
region-picker-none = 「{ $query }」に一致する配列はありません。
region-picker-more = ほかにも一致する配列があります: 名前をもっと入力してください。
region-cancel = キャンセル

region-changing-person = あなたの言語を { $language } に設定しています…
region-changing-language = ログイン画面の言語を { $language } に設定しています…
region-changing-formats = 書式を { $language } のものに設定しています…
region-changing-keyboard = キーボード配列を設定しています…

region-error-person-refused = あなたの言語は変更されませんでした: アカウントが許可しませんでした。
region-error-language-refused = ログイン画面の言語は変更されませんでした: 管理者が許可しませんでした。
region-error-formats-refused = 書式は変更されませんでした: 管理者が許可しませんでした。
region-error-keyboard-refused = キーボード配列は変更されませんでした: 管理者が許可しませんでした。
region-error-invalid = 変更は拒否されました: このコンピューターはその言語または配列を知りません。
region-error-no-account = あなたの言語は変更されませんでした: アカウントサービスがあなたのアカウントを知りません。
region-error-accounts-gone = あなたの言語は変更されませんでした: アカウントサービスが動作していません。
region-error-gone = 何も変更されませんでした: 言語サービスが動作していません。
region-error-no-answer = 言語サービスが応答しませんでした。変更は行われていない可能性があります。サービスが応答すると、このページにその内容が表示されます。
region-error-failed = 変更に失敗しました。何も変更されていません。
