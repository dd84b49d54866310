## 認証ダイアログ: polkit が管理者のパスワードを求めます (設定アプリがセッションの認証エージェントです)

auth-title = 認証が必要です
# 要求元: システムが認識しているプログラム名 ("ferrum-settings"、"pkexec")。
auth-program = 要求元: { $program }
auth-identity-choice = 認証するユーザー
auth-password = パスワード
# パスワードを求められている人の本名。
auth-password-for = { $person } のパスワード
auth-authenticate = 認証
auth-cancel = キャンセル
auth-checking = 確認中…
auth-wrong-password = パスワードが受け付けられませんでした。もう一度お試しください。
auth-problem-prompt = ログインシステムがパスワード以外の入力を求めましたが、このダイアログでは対応できません。キャンセルして、代わりに端末を使用してください。
auth-problem-line-break = 改行を含むパスワードは確認できません。
auth-problem-helper = パスワードを確認できませんでした: システムの認証ヘルパーが動作しませんでした。もう一度試すか、キャンセルしてください。
