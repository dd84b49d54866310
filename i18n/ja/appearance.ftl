## 外観のページ (ライトまたはダーク、アクセントカラー、コントラスト、動き、文字サイズ)。

appearance-title = 外観
    .keywords = 外観;テーマ;スタイル;ダーク;ライト;夜間;ダークモード;色;カラー;アクセント;アクセントカラー;時刻;時間帯;コントラスト;動き;アニメーション;文字サイズ;テキストサイズ;appearance;theme;dark mode;accent

appearance-style-heading = スタイル
appearance-style-light = ライト
    .desc = 明るい背景に暗い文字。
appearance-style-dark = ダーク
    .desc = 暗い背景に明るい文字。暗い部屋で目にやさしい表示です。
appearance-style-time-of-day = 時刻に合わせる
    .desc = { $night } 時から { $day } 時まではダーク、それ以外の時間はライトにします。

appearance-accent-heading = アクセントカラー
appearance-accent-default = Ferrum 標準
    .desc = テーマに元から付いている色です。
appearance-accent-blue = 青
appearance-accent-teal = 青緑
appearance-accent-green = 緑
appearance-accent-yellow = 黄
appearance-accent-orange = 橙
appearance-accent-red = 赤
appearance-accent-pink = 桃
appearance-accent-purple = 紫
appearance-accent-custom = カスタムカラー
    .desc = 色を #rrggbb の形式で入力してください (例: #2a7ab0)。
appearance-accent-custom-apply = この色を使用
appearance-accent-custom-in-use = 独自の色 { $color } を使用しています。
appearance-accent-custom-invalid = 「{ $text }」は色ではありません。# に続けて 0–9 と a–f の 6 文字で入力してください (例: #2a7ab0)。

appearance-readability-heading = コントラスト、動き、文字サイズ
