// The rule words AnswerSchema declares with each key in English (a rule's `what` and `expected`,
// a required key's `required`, a choice's name), in Japanese, by the key's path (a list's items
// as `stackset.accounts[].vpc`). Apart from the declarations, so that each key stays declared
// once in AnswerSchema; RuleWordsTests checks that every key with words has them here.

enum RuleWords {
    struct Words {
        var what: String?
        /// nil where the English is a list of choices, the same in every language.
        var expected: String?
        var required: String?
    }

    static let japanese: [String: Words] = [
        "version": Words(required: "version: 1"),
        "region": Words(required: "us-west-2 のようなリージョンコード"),
        "profile": Words(what: "プロファイル名", expected: "A-Z a-z 0-9 _ . @ + - の 0-64 文字"),
        "name": Words(what: "名前", expected: "A-Z a-z 0-9 _ - の 1-32 文字で、英字か数字で始まるもの"),
        "language": Words(what: "言語"),
        "source.provider": Words(what: "ソースプロバイダー"),
        "source.repository": Words(what: "リポジトリ名", expected: "A-Z a-z 0-9 . _ - の 1-100 文字で、.git で終わらないもの"),
        "source.branch": Words(what: "ブランチ名", expected: "main のような git のブランチ名"),
        "codeartifact.domain": Words(what: "ドメイン名", expected: "a-z 0-9 - の 2-50 文字で、英字で始まり - で終わらないもの"),
        "codeartifact.domain_owner": Words(what: "アカウント ID", expected: "自分のアカウントなら空欄、または 12 桁の数字"),
        "codeartifact.repository": Words(what: "リポジトリ名", expected: "A-Z a-z 0-9 . _ - の 2-100 文字で、英字か数字で始まるもの"),
        "codeartifact.format": Words(what: "パッケージ形式"),
        "build.project": Words(what: "プロジェクト名", expected: "A-Z a-z 0-9 _ - の 2-150 文字で、英字か数字で始まるもの"),
        "build.compute_type": Words(what: "コンピューティングタイプ"),
        "build.buildspec": Words(what: "buildspec のパス",
                                 expected: "A-Z a-z 0-9 . _ / - の相対パスで、.. を含まず、/ で始まらず、空の部分や . だけの部分がないもの"),
        "build.logs": Words(what: "ログ"),
        "pipeline.name": Words(what: "パイプライン名", expected: "A-Z a-z 0-9 . @ _ - の 1-100 文字"),
        "pipeline.type": Words(what: "タイプ"),
        "pipeline.artifact_bucket": Words(what: "バケット名", expected: "名前を導出するなら空欄、または S3 バケット名"),
        "pipeline.trigger": Words(what: "トリガー"),
        "network.vpc": Words(what: "VPC ID", expected: "あなたの VPC の ID: vpc- に続く 8 桁か 17 桁の小文字の 16 進数"),
        "endpoints.policies": Words(what: "エンドポイントポリシー"),
        "iam.scope": Words(what: "スコープ"),
        "stackset.accounts[].account": Words(what: "アカウント ID", expected: "12 桁の数字"),
        "stackset.accounts[].vpc": Words(what: "VPC ID", expected: "vpc- に続く 8 桁か 17 桁の小文字の 16 進数"),
    ]

    /// The words of the key at `path` (`stackset.accounts[2].vpc` is `stackset.accounts[].vpc`'s),
    /// `english` as AnswerSchema declares them.
    static func words(_ path: String, _ part: KeyPath<Words, String?>, english: String) -> Wording {
        .words(en: english, ja: japanese[itemless(path)]?[keyPath: part] ?? english)
    }

    /// A path without its list indexes.
    static func itemless(_ path: String) -> String {
        guard path.contains("[") else { return path }
        var out = "", inIndex = false
        for character in path {
            if character == "[" { inIndex = true; out.append("[") } else if character == "]" { inIndex = false; out.append("]") } else if !inIndex { out.append(character) }
        }
        return out
    }
}
