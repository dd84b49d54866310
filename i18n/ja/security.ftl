# デバイスのセキュリティのページ (fwupd によるホストのセキュリティレベル (HSI) とその
# チェック、およびこのコンピューター自体の情報: セキュアブートとその鍵、TPM、署名済みの
# 予測値と比べた PCR 11、検証済みのルート)。

security-title = デバイスのセキュリティ
    .keywords = セキュリティ;デバイスのセキュリティ;セキュアブート;TPM;HSI;ファームウェアのセキュリティ;ファームウェア;PCR;メジャードブート;計測ブート;verity;UEFI;鍵;キー;構成証明;security;secure boot;measured boot;attestation;fwupd

## 見出し: fwupd によるホストのセキュリティレベル。
security-hsi-heading = セキュリティレベル
security-hsi-level = レベル { $level } (5 段階中)
security-hsi-0 = ファームウェアには最も基本的な保護さえありません。数分の時間と適切な道具があれば、誰でもファームウェアが実行する内容を書き換えられます。
security-hsi-1 = 基本的な保護: ファームウェアは最も単純な攻撃からは保護されていますが、しばらく物理的にアクセスできる人からは保護されていません。
security-hsi-2 = コンピューターを短時間手にした人からは保護されています。ファームウェアを簡単に読み出したり書き換えたりすることはできません。
security-hsi-3 = より高度な攻撃からも保護されています。現時点ではほぼ理論上のものにすぎない攻撃も含みます。
security-hsi-4 = コンピューターの分解を必要とする攻撃からも保護されています。
security-hsi-5 = 最高レベル: ファームウェアは保護されており、その状態を第三者に証明できます。
security-hsi-runtime-issue = レベルの後の「!」: システムの実行中に見つかった問題によって信頼性が下がっています (下の「実行中に検出」を参照してください)。
security-hsi-invalid = セキュリティレベルなし
security-hsi-invalid-virtual = これは仮想マシンです。ファームウェアはホストが提供するものなので、fwupd はレベルを付けません。下のチェックとこのコンピューター自体の情報は引き続き有効です。
security-hsi-invalid-other = fwupd はこのコンピューターにレベルを付けられません ({ $reason })。下のチェックとこのコンピューター自体の情報は引き続き有効です。
security-hsi-none = fwupd はこの種類のコンピューターのセキュリティを評価しません。
security-hsi-id = ホストセキュリティ ID: { $id }

## レベルごとにまとめたチェック。
security-checks-heading = レベル別のチェック
security-level-1 = レベル 1: 重大
security-level-2 = レベル 2: 重要
security-level-3 = レベル 3: 理論上
security-level-4 = レベル 4: システムの保護
security-level-5 = レベル 5: システムの構成証明
security-level-runtime = 実行中に検出
security-level-other = その他のチェック
security-passed = 合格
security-failed = 不合格
security-check-state = { $check }: { $state }、{ $result }
# チェック名の横に表示する結果: 「合格」または「不合格」と、fwupd が検出した内容。
security-check-outcome = { $state }、{ $result }
security-checks-none = fwupd はチェックを報告しませんでした。

## fwupd の結果 (言葉で)。
security-result-unknown = 不明
security-result-enabled = オン
security-result-not-enabled = オフ
security-result-valid = 有効
security-result-not-valid = 無効
security-result-locked = ロック済み
security-result-not-locked = 未ロック
security-result-encrypted = 暗号化済み
security-result-not-encrypted = 未暗号化
security-result-tainted = 汚染あり
security-result-not-tainted = 汚染なし
security-result-found = 検出
security-result-not-found = 未検出
security-result-supported = 対応
security-result-not-supported = 非対応

## このコンピューター自体の情報。
security-facts-heading = このコンピューター
security-facts-reading = このコンピューターの情報を読み込んでいます…
security-secure-boot = セキュアブート
security-secure-boot-on = オン: ファームウェアは署名されたソフトウェアだけを起動します。
security-secure-boot-off = オフ: ファームウェアはどんなソフトウェアでも起動します。
security-secure-boot-setup = オフ (セットアップモード): プラットフォームキーが登録されていないため、誰でも鍵を登録できます。
security-secure-boot-unsupported = ファームウェアがセキュアブートに対応していません。
security-secure-boot-not-uefi = コンピューターが UEFI で起動されていないため、セキュアブートはありません。
security-secure-boot-unreadable = 状態を読み取れませんでした ({ $reason })。
security-keys = セキュアブートの鍵
security-keys-own = このコンピューター独自の鍵: このシステム用に署名されたソフトウェアだけが起動します。
security-keys-own-microsoft = このコンピューター独自の鍵。Microsoft の証明書も信頼されています。
security-keys-vendor = { $vendor } の鍵。Microsoft の証明書は信頼されていません。
security-keys-vendor-microsoft = { $vendor } の鍵。Microsoft の証明書も信頼されています。
security-keys-none = プラットフォームキーが登録されていません。
security-keys-not-uefi = なし: コンピューターが UEFI で起動されていません。
security-keys-unreadable = 登録されている鍵を読み取れませんでした ({ $reason })。
security-tpm = TPM
security-tpm-2 = TPM 2.0
security-tpm-1 = TPM 1.2 (メジャードブートには TPM 2.0 が必要です)
security-tpm-unknown = バージョン不明の TPM
security-tpm-absent = TPM が見つかりませんでした。
security-pcr = 起動時の計測
security-pcr-matches = PCR 11 が署名済みの予測値と一致します: システムはビルドされたとおりに起動しました。
security-pcr-matches-other-key = PCR 11 は署名済みの予測値と一致しますが、予測値と一緒に配布された鍵は、予測値に署名した鍵ではありません。
security-pcr-differs = PCR 11 が署名済みの予測値と一致しません: 起動時に、ビルドされたものとは異なるものが計測されました。
security-pcr-no-prediction = 実行中のシステムには、PCR 11 と照合するための署名済みの予測値がありません。
security-pcr-prediction-unreadable = 署名済みの予測値を読み取れませんでした ({ $reason })。
security-pcr-unreadable = PCR 11 を読み取れませんでした ({ $reason })。
security-pcr-no-tpm = TPM がなければ何も計測されません。
security-root = システムファイル
security-root-verified = 検証済み: システムのすべてのブロックが、署名済みのカーネルコマンドラインにあるハッシュと照合されます (dm-verity)。
security-root-other-dm = 未検証: システムは { $device } 上にありますが、これは dm-verity デバイスではありません。
security-root-plain = 未検証: システムは dm-verity なしで { $device } 上にあります。
security-root-not-block = 未検証: システムはメモリー上にあります ({ $fstype })。
security-root-unknown = 読み取れませんでした ({ $reason })。

## イベントログ。
security-events-heading = 変更
security-events-none = 変更は記録されていません。
security-event = { $date }: { $check } が「{ $before }」から「{ $after }」に変わりました
security-event-now = { $date }: { $check } は「{ $after }」です
security-events-unreadable = 変更を読み取れませんでした: { $reason }

## レポートのコピー。
security-copy = レポートをコピー
security-copied = レポートをクリップボードにコピーしました。
security-report-facts = このコンピューター自体の情報
security-report-details = 詳細
security-report-no-fwupd = fwupd: { $reason }
security-copied-without-fwupd = fwupd がレポートの自分の部分を返しませんでした。クリップボードのレポートには、このコンピューター自体の情報だけが含まれています。
security-dismiss = 閉じる

## fwupd がない、または失敗したとき。
security-fwupd-not-running = ファームウェアのセキュリティサービスが動作していません
    .body = セキュリティレベルとそのチェックには fwupd が必要です。このコンピューター自体の情報は下にあります。fwupd が起動すると、このページは自動的に更新されます。
security-fwupd-unreadable = ファームウェアのセキュリティサービスを読み取れませんでした
security-error-not-running = fwupd が動作していません。
security-error-timeout = fwupd が時間内に応答しませんでした。
security-error-not-authorized = fwupd が応答を拒否しました。
security-error-other = fwupd が失敗しました: { $reason }
