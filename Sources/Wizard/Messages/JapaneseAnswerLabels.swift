import Planner

// The Japanese label and help of every answer a field shows, by the answer's dotted path:
// AnswerSchema declares each answer once, with its English label and help; this table is only
// their translation (WizardCatalogTests checks that every key with a label has both here).
// Console names are the Japanese console's (docs/maintainers/ja-console-labels.md): リポジトリの
// 作成, ドメインの作成, ビルドプロジェクトの作成, プロジェクト名, 追加設定, サービスロール,
// ルートテーブル, セキュリティグループ, エンドポイントの作成. A label fits the form's label
// column (22 cells, less a space).

enum JapaneseAnswerLabels {
    static let byPath: [String: (label: String, help: String)] = [
        "region": ("リージョン", """
            コンソール右上のリージョンセレクター。記事のリソースはすべて 1 つのリージョンにあり、\
            VPC エンドポイントは VPC と同じリージョンに必要です。CodeArtifact は一部のリージョンにしかなく、\
            ここにはそのリージョンを挙げています。入力で絞り込めます。
            """),
        "profile": ("AWS CLI プロファイル", """
            スクリプトが使う認証情報 (aws --profile)。記事ではコンソールにサインインしていますが、\
            ここではスクリプトがこのプロファイルで、空欄なら既定の認証情報で実行されます。
            """),
        "name": ("名前", """
            記事はすべてを "Private" と呼びます: リポジトリ、CodeArtifact のドメインとリポジトリ、\
            ビルドプロジェクト、パイプライン。ここで変えると、自分で変えたもの以外の名前も追従します。
            """),
        "tags": ("タグ", """
            setup.sh が作成するすべてのリソースに、vpcpipe 自身のタグに加えて付けるタグ: \
            カンマ区切りの Key=Value (Team=web, CostCenter=42)。同じキーは 1 回だけ、aws: で始まるキーは使えません。
            """),
        "language": ("言語 (Language)", """
            ウィザードの画面と、checklist.md とスクリプトのメッセージの言語: en (English) または ja \
            (日本語。日本語のコンソールのラベルを使います)。名前、コマンド、JSON はそのままです。
            """),
        "source.repository": ("リポジトリ", """
            CodeCommit > リポジトリ > リポジトリの作成。パイプラインのソースステージはこのリポジトリを\
            監視します。CodeCommit には VPC の中からではなく CodePipeline がアクセスします。
            """),
        "source.branch": ("ブランチ", """
            パイプラインがビルドするブランチ (記事は main にコミットします)。このブランチへのプッシュで\
            パイプラインが始まります。
            """),
        "source.create": ("新規か既存か", """
            リポジトリを作成するか、既存のものを使うか。既存のものなら、スクリプトはあることを確かめる\
            だけで、削除はしません。
            """),
        "source.sample_app": ("サンプルアプリ", """
            記事は buildspec.yml、package.json、index.js をコミットします: CodeArtifact を通して\
            パッケージをインストールするアプリで、インターネットなしでビルドが動くことを確かめます。
            """),
        "codeartifact.domain": ("ドメイン", """
            CodeArtifact > ドメイン > ドメインの作成。ドメインはリポジトリをまとめ、そのパッケージの\
            アセットを AWS が所有する S3 バケットに保存します (S3 ゲートウェイエンドポイント経由でアクセス)。
            """),
        "codeartifact.domain_owner": ("ドメイン所有者", """
            ドメインを所有するアカウント: 自分のアカウントなら空欄、共有されたドメインなら 12 桁の\
            アカウント ID。
            """),
        "codeartifact.repository": ("リポジトリ", """
            CodeArtifact > リポジトリの作成: ビルドがパッケージをインストールするリポジトリ (記事の "Private")。
            """),
        "codeartifact.format": ("パッケージ形式", """
            アプリのパッケージマネージャー: 記事では npm。変えると、アップストリーム、その外部接続、\
            ランタイムが既定値のままなら入れ直されます。
            """),
        "codeartifact.upstream": ("アップストリーム", """
            コンソールの「パブリックアップストリームリポジトリ」: パブリックレジストリへの接続を持つ\
            リポジトリ (npm-store)。インターネットに出るのはビルドではなく CodeArtifact です。
            """),
        "codeartifact.external_connection": ("外部接続", """
            アップストリームリポジトリが接続するパブリックレジストリ。選んだ形式のものを挙げています \
            (npm: public:npmjs)。
            """),
        "build.project": ("プロジェクト名", "CodeBuild > ビルドプロジェクトの作成 > プロジェクト名。"),
        "build.image": ("イメージ", """
            環境 > マネージドイメージ。記事の Amazon Linux 2 standard:4.0 はメンテナンスが終了して\
            おり、既定値はその後継の Amazon Linux 2023 です。
            """),
        "build.runtime": ("ランタイム", """
            buildspec の runtime-versions。イメージにプリインストールされたものだけを挙げています: \
            インターネットのないビルドはほかのものをダウンロードできません。
            """),
        "build.tool": ("ビルドツール", """
            サンプルのビルドツール。パッケージ形式のものから選びます: npm なら npm か Yarn (Berry)、\
            maven なら Maven か Gradle。形式に追従し、その設定は CodeArtifact リポジトリだけを指定します。
            """),
        "build.compute_type": ("コンピューティング", "環境 > コンピューティング: ビルドマシンのサイズ (記事は最小のまま)。"),
        "build.privileged": ("特権付与", "Docker イメージをビルドするときだけ必要です。それ以外はオフのままにします。"),
        "build.timeout_minutes": ("タイムアウト (分)", """
            環境 > 追加設定 > タイムアウト: この分数を過ぎても動いているビルドは停止されます \
            (CodeBuild では 5 から 2160。コンソールの既定値は 60)。
            """),
        "build.buildspec": ("Buildspec", """
            ソース > Buildspec: リポジトリ内の buildspec ファイルのパス (記事ではルートの \
            buildspec.yml)。サンプルアプリの buildspec はそこに書かれます。
            """),
        "build.role": ("サービスロール", """
            "new" はコンソールの「新しいサービスロール」が作るロールを、記事が追加する VPC と \
            CodeArtifact のアクセス許可付きで作成します。既存のロールなら ARN を入力します。
            """),
        "build.logs": ("ログ", """
            記事と同じく CloudWatch のログ。VPC に logs エンドポイントが必要です。"none" なら \
            logs エンドポイントを計画しません。
            """),
        "pipeline.name": ("パイプライン名", "CodePipeline > パイプラインを作成する > パイプライン名。"),
        "pipeline.type": ("タイプ", "パイプラインのタイプ: V2 はコンソールの既定値で、アクションの実行時間 (分) で課金されます。"),
        "pipeline.artifact_bucket": ("アーティファクト", """
            詳細設定 > アーティファクトストア。パイプラインはこのバケットを通してソースをビルドに渡し、\
            ビルドは S3 ゲートウェイエンドポイント経由でアクセスします。
            """),
        "pipeline.role": ("サービスロール", """
            "new" はパイプラインに必要なものだけを持つロールを作成します (コンソールの既定のロールは\
            はるかに広い権限です)。既存のロールなら ARN を入力します。
            """),
        "pipeline.trigger": ("トリガー", """
            "events": プッシュで EventBridge ルールがパイプラインを開始します (コンソールの既定値)。\
            "poll": CodePipeline がリポジトリをポーリングします。"none": 手で開始します。
            """),
        "network.vpc": ("VPC ID", """
            CodeBuild > 環境 > 追加設定 > VPC。VPC には DNS 解決と DNS ホスト名が必要です。\
            プライベート DNS のためにスクリプトが両方を有効にします。
            """),
        "network.subnets": ("サブネット", """
            ビルドとインターフェイスエンドポイントのためのプライベートサブネット。記事は、1 つのゾーンの\
            障害でビルドが止まらないよう複数のアベイラビリティーゾーンのサブネットを勧めています。ゾーン\
            ごとにエンドポイントの費用が増えます (金額はエンドポイントの画面に示します)。
            """),
        "network.route_tables": ("ルートテーブル", """
            それらのサブネットのルートテーブル: S3 ゲートウェイエンドポイントがそこにルートを追加します。\
            VPC に S3 エンドポイントがすでにあるとき以外は必要です。
            """),
        "network.security_group": ("セキュリティグループ", """
            "create": ビルド用とエンドポイント用のグループを作り、両者の間で 443 を許可します。\
            "default": 記事と同じく VPC の default グループ。または既存の sg-... ID。
            """),
        "endpoints.private_dns": ("プライベート DNS", """
            プライベート DNS があると通常の AWS のホスト名がエンドポイントに解決されるので、npm、pip、\
            CLI がそのまま動きます。codeartifact.repositories にはこれが必要です。
            """),
        "endpoints.existing": ("エンドポイント", """
            記事はビルドが呼ぶサービスごとにエンドポイントを 1 つ作成します。VPC にすでにあるものは\
            選んでください: 同じサービスにプライベート DNS 付きのエンドポイントが 2 つあると衝突します。\
            インターフェイスエンドポイントはアベイラビリティーゾーンごとに 1 時間単位で課金されます: \
            一覧の上の金額が費用と、選ぶと節約できる額を示します。
            """),
        "endpoints.policies": ("ポリシー", """
            VPC エンドポイントのエンドポイントポリシー。account: このアカウントのプリンシパルから\
            このアカウントのリソースへ、加えてビルドに必要な AWS 所有のもの。VPC のほかのワークロードも\
            動き続けます。least-privilege: このパイプラインの呼び出しだけ。VPC のほかのワークロードは\
            すべてそれに制限されます。full-access: AWS の既定のポリシー。
            """),
        "iam.scope": ("スコープ", """
            resources: ポリシーがこのドメインとリポジトリを指定します (記事の勧め)。all: コンソールの\
            「All」チェックボックスと同じく "*"。
            """),
    ]
}

extension AnswerKey {
    /// The field's label in `language`; nil for a key no field shows.
    func label(_ language: Language) -> String? {
        guard let label else { return nil }
        return language == .ja ? JapaneseAnswerLabels.byPath[path]?.label ?? label : label
    }

    /// The field's help in `language`.
    func help(_ language: Language) -> String {
        language == .ja ? JapaneseAnswerLabels.byPath[path]?.help ?? help : help
    }
}
