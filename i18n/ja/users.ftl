## ユーザーページ: このコンピューターを使う人、追加と削除、管理者、自分のパスワードと写真。

users-title = ユーザー
    .keywords = ユーザー;人;アカウント;ユーザーの追加;ユーザーの削除;管理者;標準;パスワード;写真;アバター;画像;ログイン;users;account

users-not-running = アカウントサービスが動作していません
    .body = このコンピューターを使う人の情報は AccountsService から得ています。動作し始めると、このページに自動で表示されます。
users-unreadable = このコンピューターを使う人を読み取れません

users-people-heading = 人
users-explained = このコンピューターにログインできる人の一覧です。人の追加、削除、変更には管理者が必要です。
users-you = あなた
users-locked = ロック中
users-standard = 標準
    .desc = アプリを使い、自分の設定を変更できます。
users-administrator = 管理者
    .desc = 人の追加と削除、コンピューター全体の設定の変更もできます。
users-last-administrator = 唯一の管理者です。このアカウントを管理者でなくするには、先に別の人を管理者にしてください。
users-making-administrator = { $name } さんを管理者にしています…
users-making-standard = { $name } さんを標準アカウントにしています…
users-automatic-login = 自動ログイン
    .desc = このコンピューターの起動時にパスワードなしでログインします。設定できるのは 1 人だけです。
users-turning-on-automatic-login = { $name } さんの自動ログインをオンにしています…
users-turning-off-automatic-login = { $name } さんの自動ログインをオフにしています…
users-cancel = キャンセル

users-add-open = 人を追加…
users-add-title = 人を追加
users-real-name = 氏名
users-login-name = ログイン名
users-account-type = アカウントの種類
users-password = パスワード
users-password-confirm = パスワードをもう一度入力
users-add = 追加
users-adding = { $name } を追加しています…
users-real-name-empty = その人の氏名を入力してください。
users-name-empty = ログイン名を入力してください。
users-name-too-long = ログイン名は { $count } 文字以内にしてください。
users-name-bad-start = ログイン名は英小文字で始めてください。
users-name-bad-characters = ログイン名に使えるのは英小文字、数字、ハイフン、アンダースコアだけです。
users-password-too-short = パスワードは { $count } 文字以上必要です。
users-password-too-long = パスワードが長すぎます。
users-password-mismatch = 2 つのパスワードが一致しません。
users-strength-too-short = 短すぎます: { $count } 文字以上
users-strength-weak = 弱いパスワード
users-strength-fair = 普通のパスワード
users-strength-strong = 強いパスワード

users-remove-open = 削除…
users-remove-title = { $name } さんを削除しますか?
users-remove-body = この人はログインできなくなります。
users-remove-keep = ファイルを残す
    .desc = ホームフォルダーはこのコンピューターに残ります。
users-remove-delete = ファイルを削除する
    .desc = ホームフォルダーとその中のすべてが削除されます。
users-remove = 削除
users-removing = { $name } さんを削除しています…

users-password-open = パスワードを変更…
users-password-title = パスワードの変更
users-password-new = 新しいパスワード
users-password-change = パスワードを変更
users-password-changing = パスワードを変更しています…

users-picture-open = 写真を変更…
users-picture-title = 写真の変更
users-picture-body = PNG または JPEG 画像のパスを入力してください。正方形に切り取られ、小さくされます。
users-picture-path = 画像ファイル
users-picture-use = この画像を使う
users-picture-setting = 写真を設定しています…
users-picture-empty = 画像ファイルのパスを入力してください。
users-picture-not-absolute = / で始まる完全なパスを入力してください。
users-picture-unreadable = そのファイルは読み取れません。
users-picture-too-large = その画像は大きすぎます。
users-picture-not-a-picture = そのファイルは PNG または JPEG 画像ではありません。

users-error-add-refused = 人は追加されませんでした: 管理者が許可しませんでした。
users-error-remove-refused = 人は削除されませんでした: 管理者が許可しませんでした。
users-error-type-refused = アカウントの種類は変更されませんでした: 管理者が許可しませんでした。
users-error-password-refused = パスワードは変更されませんでした: 変更が確認されませんでした。
users-error-picture-refused = 写真は変更されませんでした: 許可されませんでした。
users-error-automatic-login-refused = 自動ログインは変更されませんでした: 管理者が許可しませんでした。
users-error-gone = アカウントサービスが停止したため、何も変更されていません。サービスが戻るとこのページに再び表示されます。
users-error-no-answer = アカウントサービスが応答しませんでした。変更されていない可能性があります。サービスが応答すると、このページにその内容が表示されます。
users-error-name-taken = ログイン名「{ $name }」はすでに使われています。別の名前を選んでください。
users-error-no-such-person = その人はもうこのコンピューターにいません。
users-error-failed = アカウントサービスは変更できませんでした。
