// The Japanese catalog. checklist.md names each console control as the Japanese AWS
// documentation (docs.aws.amazon.com/ja_jp/..., checked 2026-11-30; docs/maintainers/
// ja-console-labels.md holds the quotes) names it: bold Japanese, then the English console's
// label in parentheses, as those pages themselves print many labels ("[Create domain]
// (ドメインの作成)"). A label no Japanese page showed stays in English only, in bold, with
// Japanese words around it; the comment on each message says which is which.
// Console links stay as they are: the Japanese pages link the same console URLs, and no
// documented URL parameter chooses the console's language (it is a setting of each user).
// AWS identifiers, commands, JSON, file names and the answers' keys are not translated.
// Bash messages (`@say:KEY@`) stand between quotes: no ' " ` $ or \ but through placeholders.

enum Japanese {
    static let messages: [Phrase: String] = [
        // MARK: Words
        .on: "オン",
        .off: "オフ",
        .bothOf: "{first} と {second}",

        // MARK: checklist.md
        .answersHead: "vpcpipe の回答、バージョン 1 (vpcpipe の docs/answers.md で説明しています): すべてのキーを記入済みで、--headless で再現できます",
        .checklistHead: """
            # チェックリスト: {region} のプライベート CI/CD パイプライン {name}

            ここに挙げる作業はすべて setup.sh が行います。このリストは記事のコンソール手順をあなたの値で示したもので、各ステップが必要とする値がそれより前に決まる順に並べています。コンソールで一つずつ確かめることも、setup.sh の代わりに手で行うこともできます。
            ラベルは日本語のコンソールの表記で、( ) 内は英語のコンソールの表記です。日本語の AWS ドキュメントで表記を確かめられなかったラベルは英語のまま示します (コンソールの表示言語はユーザーごとの設定です)。
            `policies/operator.json` は、setup.sh と teardown.sh を実行する人に必要な IAM ポリシーです。

            ## 費用
            """,
        // "アカウント" (AWS アカウント, the article's 前提条件). The place of the account id in the console: not confirmed.
        .checklistAccountTitle: "アカウント",
        .checklistAccount: """
            - [ ] アカウント ID (コンソールの右上に表示されます)。シェルでは次のように取得できます:
              `ACCOUNT=$({command})`
              以下の手順と `policies/` のファイルで `{variable}` とある箇所に書き入れてください。
            """,
        .checklistNetworkTitle: "VPC とセキュリティグループ (VPC コンソール: {console}/vpc/)",
        // アクション: ja_jp/vpc/latest/privatelink/interface-endpoints.html 「[Actions] (アクション)」.
        // Edit VPC settings: not found in Japanese (the steps of ja_jp/vpc/latest/userguide/vpc-dns.html
        // were not reachable). DNS 解決, DNS ホスト名: terms of ja_jp/ec2/latest/devguide/
        // example_ec2_ModifyVpcAttribute_section.html and ja_jp/vpc/latest/userguide/vpc-dns.html.
        .checklistVPCDNS: "- [ ] VPC `{vpc}`: **アクション** (Actions) > **Edit VPC settings** で、DNS 解決 (DNS resolution) と DNS ホスト名 (DNS hostnames) をどちらも有効にします。",
        .checklistVPCDNSPrivateOff: "- [ ] VPC `{vpc}`: **アクション** (Actions) > **Edit VPC settings** で、DNS 解決 (DNS resolution) と DNS ホスト名 (DNS hostnames) をどちらも有効にします (回答ではプライベート DNS がオフです。ビルドはエンドポイント固有のホスト名を使う必要があります)。",
        .checklistSubnets: "- サブネット: {subnets}",
        .checklistSubnetsAbove: "上記のサブネット",
        // セキュリティグループ, セキュリティグループの作成: ja_jp/AWSEC2/latest/UserGuide/working-with-security-groups.html
        // 「ナビゲーションペインで、[Security Groups] を選択します。」「[セキュリティグループの作成] を選択します。」
        // インバウンドルール / アウトバウンドルール: terms (ja_jp/vpc/latest/userguide/vpc-security-groups.html).
        .checklistBuildGroup: "- [ ] **セキュリティグループ** (Security groups) > **セキュリティグループの作成** (Create security group) で、VPC `{vpc}` に `{group}` を作成します。インバウンドルールはなし、アウトバウンドルールは 0.0.0.0/0 への HTTPS (443) のみです (すべてのトラフィックを許可するルールは削除します)。",
        .checklistEndpointGroup: "- [ ] **セキュリティグループの作成** (Create security group) で、VPC `{vpc}` に `{group}` を作成します。インバウンドルールは `{build_group}` からの HTTPS (443) です。",
        .checklistDefaultGroup: "- セキュリティグループ: 記事と同じく、VPC の `default` グループをビルドとエンドポイントの両方に使います。既定のルール (自身からのすべてのトラフィックを受け入れ、すべての送信を許可) のままなら、ビルドはエンドポイントに届きます。ルールが変更されている場合は、指定したグループと同じものが必要です: 自身からの HTTPS (443) のインバウンド、HTTPS (443) のアウトバウンド。",
        .checklistGivenGroup: "- セキュリティグループ `{group}` (network.security_group、そのまま使用) をビルドとエンドポイントの両方に使います。{needs}。",
        .roleRequirement: "このロールは {trust} と同じく {service} を信頼し、{files} が許可することを許可している必要があります",
        .roleRequirementFiles: "このロールは {trust} と同じく {service} を信頼し、{files} が許可することを許可している必要があります",
        .leastPrivilegeWarning: "エンドポイントポリシーは least-privilege です: {vpc} の他のワークロードはすべて、これらのエンドポイントを通じてこのパイプラインのリクエストしかできなくなります (自分のロググループ、sts:AssumeRole と AssumeRoleWithWebIdentity、自分のバケットや CodeArtifact ドメインは拒否されます)。何もほかに動いていない VPC でだけ使ってください。account モードなら他のワークロードも動き続けます。",
        .givenGroupNeeds: "このグループは VPC {vpc} にあり、自身 (または {subnets}) からの HTTPS (443) のインバウンドと、自身および S3 (0.0.0.0/0 または S3 のプレフィックスリスト) への HTTPS (443) のアウトバウンドを許可している必要があります",
        .checklistCodeArtifactTitle: "CodeArtifact (コンソール: {console}/codesuite/codeartifact/)",
        // ドメインの作成, 名前: ja_jp/codeartifact/latest/ug/domain-create.md
        // 「**[Create domain]** (ドメインの作成) をクリックします。」「**[名前]** にドメイン名を入力します。」
        .checklistDomainCreate: "- [ ] **ドメインの作成** (Create domain): **名前** `{domain}`",
        .checklistDomainShared: "- [ ] アカウント `{owner}` のドメイン `{domain}` (codeartifact.domain_owner、そのまま使用) が存在し、そのドメインポリシーがこのアカウントにリポジトリの作成とトークンの取得を許可していること。",
        // リポジトリの作成: the title of ja_jp/codeartifact/latest/ug/create-repo.html; the button, as
        // CodeCommit's, in ja_jp/codecommit/latest/userguide/how-to-create-repository.html
        // 「[Create repository (リポジトリの作成)]」. 外部接続: ja_jp/codeartifact/latest/ug/external-connection.html
        // (a term: the create form's field was not found in Japanese).
        // アップストリームリポジトリ: ja_jp/codeartifact/latest/ug/repo-upstream-add.html 「[アップストリームリポジトリ]」.
        .checklistUpstreamCreate: "- [ ] **リポジトリの作成** (Create repository): `{upstream}`、パブリックリポジトリへの外部接続 (public upstream) `{connection}`",
        .checklistRepository: "- [ ] **リポジトリの作成** (Create repository): `{repository}`、{tool} のパッケージ用、アップストリームなし",
        .checklistRepositoryWithUpstream: "- [ ] **リポジトリの作成** (Create repository): `{repository}`、{tool} のパッケージ用、**アップストリームリポジトリ** (Upstream repositories) `{upstream}`",
        .checklistAssetsBucket: "- [ ] ドメインはパッケージのアセットを AWS が所有する S3 バケットに保管します。その ARN は `{command}` で表示され、{files} の `{variable}` に入ります。",
        .checklistBucketTitle: "アーティファクトバケット (S3 コンソール: https://console.aws.amazon.com/s3/)",
        // バケットの作成: the title of ja_jp/AmazonS3/latest/userguide/create-bucket-overview.html (the
        // button was not quoted). すべてのパブリックアクセスをブロック: aws.amazon.com/jp/s3/features/block-public-access
        // 「[すべてのパブリックアクセスをブロック] をオンにします。」 (the product page). バケットのバージョニング: a term of
        // ja_jp/AmazonS3/latest/userguide/manage-versioning-examples.html. タグ: ja_jp/codebuild/latest/userguide/
        // create-project-console.html 「[タグ]」.
        .checklistBucketCreate: "- [ ] **バケットの作成** (Create bucket): {region} に `{bucket}` を作成します。**すべてのパブリックアクセスをブロック** (Block all public access) をオン、**バケットのバージョニング** (Bucket Versioning) を有効にし、**タグ** (Tags) は {tags} です。",
        // アクセス許可, バケットポリシー: ja_jp/AmazonS3/latest/userguide/directory-bucket-bucket-policy.html
        // 「[アクセス許可] タブを選択します。」「[バケットポリシー][編集] を選択します。」
        .checklistBucketPolicy: "- [ ] バケットができたら、**アクセス許可** (Permissions) > **バケットポリシー** (Bucket policy) に `{file}` を貼り付けます。TLS を使わないリクエストを拒否するポリシーです。",
        .checklistEndpointsTitle: "エンドポイント (VPC コンソール: {console}/vpc/)",
        // エンドポイント, エンドポイントの作成, サービスカテゴリ, AWS のサービス: ja_jp/AmazonS3/latest/userguide/
        // s3-express-tutorial-endpoints.html 「[エンドポイント] を選択します。」「[エンドポイントの作成] を選択します。」
        // 「[Service category] (サービスカテゴリ) で、AWS のサービス を選択します。」
        .checklistEndpointsCreate: "- **エンドポイント** (Endpoints) > **エンドポイントの作成** (Create endpoint) で、**サービスカテゴリ** (Service category) に **AWS のサービス** (AWS services) を選び、VPC `{vpc}` に作成します:",
        .checklistNote: "  - 注意: {note}",
        // ゲートウェイ, サービス: the same S3 page 「[サービス] で、タイプ = ゲートウェイのフィルターを使って検索し」.
        // ルートテーブル: 「[Route tables] (ルートテーブル)」 there. インターフェイス: a term of
        // ja_jp/ec2/latest/devguide/example_ec2_CreateVpcEndpoint_section.html. アベイラビリティゾーンごとに 1 つの
        // サブネット: ja_jp/vpc/latest/privatelink/interface-endpoints.html. The private DNS checkbox
        // (Enable DNS name) and the policy choices (Full access, Custom) were not found in Japanese.
        .checklistGatewayEndpoint: "  - [ ] `{endpoint}`: タイプはゲートウェイ (Gateway)、**ルートテーブル** (Route tables) は {route_tables}、{policy}。理由: {reason}。",
        .checklistInterfaceEndpoint: "  - [ ] `{endpoint}`: タイプはインターフェイス (Interface)、上記のサブネットからアベイラビリティゾーンごとに 1 つのサブネット、セキュリティグループ {group}、プライベート DNS (**Enable DNS name**) は{private_dns}、{policy}。理由: {reason}。",
        .checklistPolicyFullAccess: "ポリシーは **Full access**",
        .checklistPolicyCustom: "ポリシーは **Custom** で `{file}`",
        .checklistGatewayEndpointGiven: "  - 作成しない: `{endpoint}`: {reason}。ルートテーブル {route_tables} 上のゲートウェイエンドポイントで、そのポリシーがビルドのリクエストを通す必要があります。",
        .checklistInterfaceEndpointGiven: "  - 作成しない: `{endpoint}`: {reason}。プライベート DNS が有効で、ビルドのセキュリティグループ {group} からの HTTPS (443) を受け入れ、そのポリシーがビルドのリクエストを通す必要があります。",
        .checklistEndpointNotCreated: "  - 作成しない: `{endpoint}`: {reason}。",
        // 利用可能: ja_jp/appstream2/latest/developerguide/how-to-access-api-cli-through-interface-vpc-endpoint.html
        // 「VPC エンドポイントのステータスが [Available (利用可能)] に変更されたら」.
        .checklistEndpointsAvailable: "- [ ] 各エンドポイントのステータスが **利用可能** (Available) になるまで待ちます。それより前に開始したビルドはサービスに届きません。",
        .endpointListedExisting: "endpoints.existing に記載: VPC にすでにあります",
        .endpointLogs: "ビルドはログを CloudWatch Logs に送ります",
        .endpointNoLogs: "build.logs が none: ビルドは CloudWatch のログを書きません",
        .endpointSTS: "サンプルの buildspec が aws sts get-caller-identity でアカウントを読みます",
        .endpointNoSTSFromARN: "build.account_from_arn: buildspec は STS を使わず $CODEBUILD_BUILD_ARN からアカウントを読みます",
        .endpointNoSTSDomainOwner: "codeartifact.domain_owner がアカウントを指定しているので、buildspec は STS を呼びません",
        .endpointCodeArtifactAPI: "aws codeartifact login は CodeArtifact API を通じてトークンとリポジトリのエンドポイントを取得します",
        .endpointRepositories: "{tool} はリポジトリのエンドポイントからパッケージをダウンロードします",
        .endpointS3: "パッケージはドメインのアセットバケットに、パイプラインのアーティファクトはアーティファクトバケットに保管され、どちらも S3 にあります",
        .checklistSourceTitle: "ソース (CodeCommit コンソール: {console}/codesuite/codecommit/)",
        .checklistSourceGiven: "- [ ] リポジトリ `{repository}` (source.create が false、そのまま使用) が存在し、ブランチ `{branch}` に `{buildspec}` があること (vpcpipe はこのリポジトリにコミットしません。`repo/` に buildspec のひな形があります)。",
        // リポジトリの作成, リポジトリ名: ja_jp/codecommit/latest/userguide/how-to-create-repository.html
        // 「[Create repository (リポジトリの作成)] を選択します。」「[Repository name (リポジトリ名)]」.
        .checklistSourceCreate: "- [ ] **リポジトリの作成** (Create repository): **リポジトリ名** (Repository name) `{repository}`",
        .checklistSampleFiles: "- [ ] `repo/` のファイル ({files}) をブランチ `{branch}` に追加します。",
        .checklistPushApp: "- [ ] あなたのアプリを `{buildspec}` とともにブランチ `{branch}` にプッシュします。",
        .checklistPipelineTitle: "パイプラインとビルドプロジェクト (CodePipeline コンソール: {console}/codesuite/codepipeline/)",
        // The CodePipeline wizard's labels (Create pipeline, Build custom pipeline, New service role,
        // Advanced settings, Artifact store, Continue to CodePipeline) were not found in Japanese:
        // ja_jp/codepipeline/latest/userguide/pipelines-create.html shows only its titles. サービスロール,
        // アーティファクトバケット, ソースステージ, 変更検出: terms of ja_jp/codebuild/latest/userguide/
        // setting-up-service-role.html, pipelines-create.html and pipelines-about-starting.html.
        .checklistPipelineCreate: "- [ ] **Create pipeline** > **Build custom pipeline**: パイプライン名 `{pipeline}`、タイプ {type}、サービスロール: {role}。",
        .checklistRoleNew: "**New service role**、ロール名 `{role}` (ポリシーは後の手順で設定します)",
        .checklistRoleGiven: "既存の `{arn}` ({key}、そのまま使用): {requirement}",
        .checklistRoleGivenCodeBuild: "既存の `{arn}` ({key}、そのまま使用。**Allow AWS CodeBuild to modify this service role** のチェックを外します): {requirement}",
        .checklistArtifactStore: "- [ ] **Advanced settings** > **Artifact store**: カスタムの場所 (custom location) に、上で作成したアーティファクトバケット `{bucket}` を指定します。",
        .checklistPipelineSource: "- [ ] ソース: AWS CodeCommit、リポジトリ `{repository}`、ブランチ `{branch}`、{trigger}。",
        .checklistTriggerEvents: "変更検出は Amazon EventBridge (パイプラインを開始するルールとロールはコンソールが作成します。setup.sh での名前は `{rule}` と `{role}` です)",
        .checklistTriggerPoll: "変更検出は AWS CodePipeline (ポーリング)",
        .checklistTriggerNone: "変更検出なし (手動でリリース)",
        // ビルドプロジェクト: ja_jp/codebuild/latest/userguide/create-project-console.html. Create project (the
        // pipeline wizard's button) and the Environment fields were not found in Japanese.
        .checklistBuildCreate: "- [ ] ビルド: AWS CodeBuild で **Create project** を選ぶと、パイプラインをソースとするビルドプロジェクトの作成画面が CodeBuild で開きます:",
        // プロジェクト名: create-project-console.html 「[Project name] (プロジェクト名)」「[プロジェクト名] に…入力します。」
        // ビルド環境: a term of ja_jp/codebuild/latest/userguide/concepts.html.
        .checklistBuildProject: "  - [ ] **プロジェクト名** (Project name) `{project}`。ビルド環境 (Environment): マネージドイメージ (**Managed image**) `{image}`、コンピューティング (**Compute**) `{compute}`、特権 (**Privileged**) は{privileged}、タイムアウト (**Timeout**) {timeout} 分。buildspec はランタイム `{runtime}` を指定します。これはイメージにプリインストールされています (インターネットのないビルドはランタイムをダウンロードできません)。",
        .checklistBuildRole: "  - [ ] サービスロール (**Service role**): {role}。",
        // 追加設定: ja_jp/codeartifact/latest/ug/domain-create.md 「**[Additional configuration]** (追加設定) を展開します。」
        // (the CodeBuild page is cut off at 「[Additional configurati…」). The VPC form's fields and
        // environment variables were not found in Japanese.
        .checklistBuildVPC: "  - [ ] **追加設定** (Additional configuration): VPC `{vpc}`、上記のサブネット、セキュリティグループ {group}。環境変数 (environment variable) `AWS_STS_REGIONAL_ENDPOINTS` = `regional`。",
        // ビルド仕様 (buildspec): a term of concepts.html; "Use a buildspec file" was not found in Japanese.
        .checklistBuildspec: "  - [ ] ビルド仕様 (**Buildspec**): **Use a buildspec file** を選び、`{buildspec}` を指定します。",
        .checklistLogs: "  - [ ] ログ (**Logs**): CloudWatch、グループ `{group}`。",
        .checklistLogsOff: "  - [ ] ログ (**Logs**): CloudWatch はオフ。",
        .checklistContinue: "  - [ ] **Continue to CodePipeline**: ビルドステージにプロジェクト `{project}` が設定されます。",
        .checklistCreatePipeline: "- [ ] 記事と同じくデプロイステージはスキップし、**Create pipeline** を選びます。最初の実行はすぐに始まります。",
        .checklistCreatePipelineBeforePolicies: "- [ ] 記事と同じくデプロイステージはスキップし、**Create pipeline** を選びます。最初の実行はすぐに、下のロールのポリシーより前に始まるので、失敗してかまいません。",
        .checklistPoliciesTitle: "サービスロールのポリシー (IAM コンソール: https://console.aws.amazon.com/iam/)",
        // The IAM console's labels (Roles, Add permissions, Create inline policy) were not found in
        // Japanese; インラインポリシー and デタッチ are terms of ja_jp/IAM/latest/UserGuide/
        // access_policies_manage-attach-detach.html.
        .checklistRolePolicies: "- [ ] **Roles** > `{role}`: {policies}。そのあと、コンソールがこのロールにアタッチした、より広いポリシーをデタッチします。",
        .checklistInlinePolicy: "**Add permissions** > **Create inline policy** で JSON に `{file}` を貼り付け、ポリシー名 `{policy}` でインラインポリシーを作成",
        .checklistThenAgain: "。続けてもう一度、",
        .checklistProofTitle: "動作の確認",
        .checklistVerify: "- [ ] `bash verify.sh` が以下を行い、結果を表示します。手で行うこともできます:",
        // Release change was not found in Japanese (ja_jp/codepipeline/latest/userguide/
        // pipelines-trigger-source-overrides.html is cut off before the button).
        .checklistRelease: "- [ ] パイプライン `{pipeline}` で **Release change** を選びます。両方のステージが緑になります。",
        // Build history and Build logs were not found in Japanese.
        .checklistSampleLogLogin: "- [ ] ビルドのログを開きます (CodeBuild > **Build history** > 最新のビルド > **Build logs**)。pre_build フェーズで CodeArtifact の `{domain}`/`{repository}` にログインし、build フェーズで {tool} が {package} をダウンロードし、アプリが 49 の平方根 `{line}` を出力します。",
        .checklistSampleLogLoginUpstream: "- [ ] ビルドのログを開きます (CodeBuild > **Build history** > 最新のビルド > **Build logs**)。pre_build フェーズで CodeArtifact の `{domain}`/`{repository}` にログインし、build フェーズで {tool} が {package} を `{upstream}` 経由でダウンロードし、アプリが 49 の平方根 `{line}` を出力します。",
        .checklistSampleLogToken: "- [ ] ビルドのログを開きます (CodeBuild > **Build history** > 最新のビルド > **Build logs**)。pre_build フェーズで `{domain}`/`{repository}` の CodeArtifact トークンを取得し、build フェーズで {tool} が {package} をダウンロードし、アプリが 49 の平方根 `{line}` を出力します。",
        .checklistSampleLogTokenUpstream: "- [ ] ビルドのログを開きます (CodeBuild > **Build history** > 最新のビルド > **Build logs**)。pre_build フェーズで `{domain}`/`{repository}` の CodeArtifact トークンを取得し、build フェーズで {tool} が {package} を `{upstream}` 経由でダウンロードし、アプリが 49 の平方根 `{line}` を出力します。",
        .checklistSamplePackage: "- [ ] CodeArtifact のリポジトリ `{repository}` に、インターネットアクセスなしで取得された {package} が表示されます。",
        .checklistSamplePackageUpstream: "- [ ] CodeArtifact のリポジトリ `{repository}` に、インターネットアクセスなしで `{upstream}` 経由で取得された {package} が表示されます。",
        .checklistOwnLog: "- [ ] ビルドのログを開きます (CodeBuild > **Build history** > 最新のビルド > **Build logs**)。あなたの buildspec が VPC 内で実行され、インストールするパッケージは CodeArtifact (`{domain}`/`{repository}`) から取得されます (ログインの方法は `repo/{buildspec}` にあります)。",
        .checklistOwnPackages: "- [ ] CodeArtifact のリポジトリ `{repository}` に、ビルドがインターネットアクセスなしで取得したパッケージが表示されます。",
        .checklistOwnPackagesUpstream: "- [ ] CodeArtifact のリポジトリ `{repository}` に、ビルドがインターネットアクセスなしで `{upstream}` 経由で取得したパッケージが表示されます。",
        .checklistTeardown: "- [ ] 終わったら: `./teardown.sh` が `setup.sh` の作成したものを削除します。",

        // MARK: What it costs (checklist.md, setup.sh's confirmation). Price labels, units and
        // sources stay the price table's English.
        .costPriceTable: "{date} 時点の価格表",
        .costOnline: "オンライン: AWS Price List API、{date} に取得",
        .costStanding: "常にかかる費用: 月 {amount} ({endpoints} x {zones} x 730 時間 x {hourly}、{origin}){end}",
        .costStandingNoEndpoint: "常にかかる費用: 月 {amount}。インターフェイスエンドポイントは作成しません ({origin}){end}",
        .costOneEndpoint: "インターフェイスエンドポイント 1 個",
        .costEndpoints: "インターフェイスエンドポイント {count} 個",
        .costOneZone: "1 ゾーン",
        .costZones: "{count} ゾーン",
        .costGatewayFree: "。S3 のゲートウェイエンドポイントは無料です。",
        .costEnd: "。",
        .costZonesPerSubnet: "ゾーン: network.subnets のサブネットごとに 1 つと数えます。インターフェイスエンドポイントはアベイラビリティゾーンごとに 1 つのサブネットを使うので、同じゾーンにサブネットが 2 つあれば表示より安く、ゾーンが少ないほど安くなります。",
        .costSTS: "サンプルの buildspec は sts エンドポイントを通じて aws sts get-caller-identity でアカウントを読みます。{key}: true にするとビルド自身の ARN (CODEBUILD_BUILD_ARN) から読み、sts エンドポイントは計画されません。",
        .costUnavailable: "費用は表示しません: vpcpipe の価格表に {region} の価格、またはそこで必要なものの価格がありません。",
        .costSavingExisting: "VPC にすでにあるエンドポイントをそのまま使うと、1 つにつき月 {amount} 安くなります。",
        .costSavingListed: "既存として指定し、作成しないもの: {endpoints}: 月 {amount} の節約。",
        .costSavingOneZone: "1 ゾーンだけにすると月 {amount} 安くなりますが、そのゾーンが停止している間は何もビルドできません。",
        .costSavingFewerZones: "ゾーンを 1 つ減らすと月 {amount} 安くなります。障害に耐えるゾーンは {zones} ではなく {left} になります。",
        .costSavingNoSTS: "{key}: true にすると sts エンドポイントがなくなり、月 {amount} 安くなります。",
        .costExample: "例: 1 日 {builds} 回、{compute} で {minutes} 分のビルド (730 時間の 1 か月で {month} 回)、1 回ごとにインターフェイスエンドポイントを通る {endpoint_gb} GB、ログ {log_gb} GB、CodeArtifact へのリクエスト {requests} 件、CodeArtifact に保管する {stored_gb} GB として、無料利用枠を除く前の費用は、常にかかる費用に加えて月 {amount} です。",
        .costMore: "利用に応じた費用、節約の方法、各価格の出典: checklist.md の「費用」の節。",
        .costUnitPrices: "{region} の単価 (USD):",
        .costUnitPrice: "{label}: {unit} {price} ({origin})",
        .costUnitPriceSource: "{label}: {unit} {price} ({origin}、出典: {source})",
        .costUnitPriceAssumed: "{label}: {unit} {price} ({origin}、出典: {source}。{assumption})",
        .costAssumedOtherRegion: "{region} の価格が見つからないため、{from} の価格を想定",
        .costAssumedSecondarySource: "二次資料 1 件のみによる未確認の価格を想定",
        .costUsage: "{label}: {quantity} {count} x {price} ({unit}) = {amount}",
        .priceEndpointHour: "インターフェイスエンドポイント",
        .priceEndpointGB: "インターフェイスエンドポイントのデータ処理",
        .priceBuildMinute: "CodeBuild {compute}、Linux",
        .priceCodeArtifactGBMonth: "CodeArtifact のストレージ",
        .priceCodeArtifact10kRequests: "CodeArtifact のリクエスト",
        .pricePipelineV1Month: "CodePipeline V1",
        .pricePipelineV2ActionMinute: "CodePipeline V2",
        .priceLogsIngestionGB: "CloudWatch Logs の取り込み",
        .perEndpointHour: "インターフェイスエンドポイント 1 個、アベイラビリティゾーン 1 つ、1 時間あたり",
        .perEndpointGB: "処理した 1 GB あたり、リージョンで月の最初の 1 PB まで",
        .perBuildMinute: "ビルド 1 分あたり",
        .perCodeArtifactGBMonth: "保管 1 GB、1 か月あたり",
        .perCodeArtifact10kRequests: "10,000 リクエストあたり",
        .perPipelineV1Month: "アクティブなパイプライン 1 本、1 か月あたり",
        .perPipelineV2ActionMinute: "アクション実行 1 分あたり",
        .perLogsIngestionGB: "取り込み 1 GB あたり",
        .countEndpointHours: "エンドポイント時間",
        .countGB: "GB",
        .countBuildMinutes: "ビルド分",
        .countGBMonths: "GB 月",
        .countRequests: "リクエスト",
        .countPipelineMonths: "アクティブなパイプライン月",
        .countActionMinutes: "アクション分",

        // MARK: setup.sh's preflight: its problems and notes (PreflightWords)
        .preflightVpcMissing: "{region} に {vpc} が見つかりません (この VPC のルートテーブルがありません)",
        .preflightSubnetMissing: "{region} に {subnet} が見つかりません",
        .preflightSubnetElsewhere: "{subnet} は network.vpc の {vpc} ではなく {found} にあります",
        .preflightZoneShared: "{subnet} は {first} と同じ {zone} にあります: ビルドは両方を使いますが、インターフェイスエンドポイントは {first} だけを使います (アベイラビリティゾーンごとに 1 つのサブネット)",
        .preflightZoneNotOffered: "{subnet} がある {zone} には {service} のエンドポイントがありません ({zones} で提供されています): 別のゾーンのサブネットを使ってください",
        .preflightTableUnused: "{table} は network.subnets のどのサブネットのルートテーブルでもありません (使われているのは {used}): S3 のゲートウェイエンドポイントがビルドに届きません",
        .preflightTableUnusedByNone: "{table} は network.subnets のどのサブネットのルートテーブルでもありません (network.vpc のサブネットが見つかりません): S3 のゲートウェイエンドポイントがビルドに届きません",
        .preflightTableMissing: "{subnets} のルートテーブル {table} が指定されていません: 追加してください。追加しないとそこでのビルドは S3 に届きません",
        .listAnd: " と ",
        .preflightOtherType: "{id} は {service} の {other} エンドポイントで、ビルドが必要とする {type} エンドポイントではありません。そのまま残します",
        .preflightExistingMissing: "{name} が指定されていますが、VPC に {service} の {type} エンドポイントがありません: 一覧から {name} を外すと setup.sh が作成します",
        .preflightGatewayOffTable: "VPC の {service} ゲートウェイエンドポイント {id} が、network.subnets の使うルートテーブル {table} にありません: 追加してください (aws ec2 modify-vpc-endpoint --vpc-endpoint-id {id} --add-route-table-ids {table})",
        .preflightPrivateDNSOff: "VPC の {service} エンドポイント {id} はプライベート DNS がオフです: ビルドが通常のホスト名に送るリクエストは届かず、プライベート DNS を持つ 2 つ目のエンドポイントも並べて作れません。オンにしてください (aws ec2 modify-vpc-endpoint --vpc-endpoint-id {id} --private-dns-enabled)",
        .preflightNotAdmitting: "VPC の {service} エンドポイント {id} がビルドからの HTTPS (tcp 443) を受け入れていません: そのセキュリティグループ ({groups}) に、{group} またはビルドのサブネットからのインバウンドルールが必要です",
        .preflightNotAdmittingBuildGroup: "VPC の {service} エンドポイント {id} がビルドからの HTTPS (tcp 443) を受け入れていません: そのセキュリティグループ ({groups}) に、ビルドのセキュリティグループまたはビルドのサブネットからのインバウンドルールが必要です",
        .policyRequest: "{resources} に対する {actions}",
        .policyAssetsBucket: "CodeArtifact ドメインのアセットバケット (S3)",
        .listRequests: "、",
        .listRefused: "、",
        .preflightPolicyUnread: "VPC の {service} エンドポイント {id} はそのまま使い、setup.sh はそのポリシーを読みません: ビルドのリクエスト ({requests}) を許可している必要があります。許可していなければ、このエンドポイントを通るリクエストは拒否されます",
        .preflightPolicyRefuses: "VPC の {service} エンドポイント {id} のポリシーがビルドの {refused} を許可していません: 所有者が許可する必要があります (ビルドに必要なのは {requests})。setup.sh は自分が作成していないエンドポイントを変更しません",
        .preflightRoleElsewhere: "{arn} はアカウント {account} のロールではありません: 存在するか、{service} を信頼しているかは読み取りません",
        .preflightRoleMissing: "アカウント {account} に {arn} が見つかりません",
        .preflightRoleDistrusts: "{arn} は {service} を信頼していません (信頼ポリシーが許可しているのは {services}): {service} はこのロールを引き受けられません。policies/{file} と同じく許可してください",
        .preflightRoleTrustsNone: "{arn} は {service} を信頼していません (信頼ポリシーはどのサービスも許可していません): {service} はこのロールを引き受けられません。policies/{file} と同じく許可してください",
        .preflightGroupMissing: "{region} に {group} が見つかりません",
        .preflightGroupElsewhere: "{group} は network.vpc の {vpc} ではなく {found} にあります",

        // MARK: setup.sh's preflight: what it says of a resource it finds or misses
        .problemNotFound: "{resource} が見つかりません: {advice}",
        .problemListedMissing: "{resource} は既存として指定されていますが、見つかりません",
        .problemForeign: "{resource} は存在しますが、vpcpipe が作成したものではありません (タグ {tag}={PLAN_TAG} がありません): {advice}",
        .adviceBuildRole: "そのまま使うにはその ARN を build.role に指定するか ({requirement})、名前の元になる build.project を変更してください",
        .advicePipelineRole: "そのまま使うにはその ARN を pipeline.role に指定するか ({requirement})、名前の元になる pipeline.name を変更してください",
        .adviceEventsNames: "名前の元になる pipeline.name を変更するか、pipeline.trigger を poll にしてください",
        .adviceChooseAnother: "別の {key} を選んでください",
        .adviceDomainOwner: "そのまま使うには codeartifact.domain_owner にその所有アカウントを指定するか、別の codeartifact.domain を選んでください",
        .adviceDomainShared: "codeartifact.domain と codeartifact.domain_owner、およびドメインがこのアカウントと共有されていることを確認してください",
        .adviceSourceCreate: "そのまま使うには source.create を false にする (何もコミットしません) か、別の source.repository を選んでください",
        .adviceSourceRepository: "source.repository を確認するか、source.create を true にして作成してください",
        .adviceSecurityGroup: "そのまま使うにはグループの ID を network.security_group に指定する (ビルドとエンドポイントに使い、両者の間で 443 を許可) か、名前の元になる name を変更してください",
        .adviceLogGroup: "名前の元になる build.project を変更するか、build.logs を none にしてください",

        // MARK: What AWS calls each resource: the terms of the Japanese AWS documentation
        .kindIAMRole: "IAM ロール",
        .kindInlinePolicy: "IAM インラインポリシー",
        .kindBuildProject: "CodeBuild プロジェクト",
        .kindPipeline: "CodePipeline パイプライン",
        .kindSourceRepository: "CodeCommit リポジトリ",
        .kindBranch: "CodeCommit ブランチ",
        .kindSecurityGroup: "セキュリティグループ",
        .kindEndpoint: "VPC エンドポイント",
        .kindBucket: "S3 バケット",
        .kindDomain: "CodeArtifact ドメイン",
        .kindRepository: "CodeArtifact リポジトリ",
        .kindRule: "EventBridge ルール",
        .kindLogGroup: "CloudWatch ロググループ",
        .kindVPC: "VPC",
        .kindSubnet: "サブネット",
        .kindRouteTable: "ルートテーブル",

        // MARK: The steps' titles, which the scripts print as they go
        .stepPreflight: "{region} の VPC、サブネット、ルートテーブル、エンドポイントを読み、既存のものを調べる",
        .stepVPCDNS: "{vpc} の DNS サポートと DNS ホスト名を有効にする",
        .stepCodeBuildRole: "CodeBuild のサービスロール",
        .stepPipelineRole: "CodePipeline のサービスロール",
        .stepEventsRole: "パイプラインを開始する EventBridge のロール",
        .stepBuildSecurityGroup: "ビルドのセキュリティグループ",
        .stepEndpointSecurityGroup: "インターフェイスエンドポイントのセキュリティグループ",
        .stepDomain: "CodeArtifact ドメイン {domain}",
        .stepUpstream: "{connection} に接続する CodeArtifact リポジトリ {upstream}",
        .stepRepository: "CodeArtifact リポジトリ {repository}",
        .stepArtifactBucket: "パイプラインの S3 アーティファクトバケット",
        .stepGatewayEndpoint: "ゲートウェイ VPC エンドポイント {endpoint}",
        .stepInterfaceEndpoint: "インターフェイス VPC エンドポイント {endpoint}",
        .stepEndpointsAvailable: "インターフェイスエンドポイントが利用可能になるまで待つ",
        .stepLogGroup: "CloudWatch ロググループ {group}",
        .stepSourceRepository: "CodeCommit リポジトリ {repository}",
        .stepSampleApp: "サンプルアプリを {repository} のブランチ {branch} にコミットする",
        .stepBuildProject: "VPC 内の CodeBuild プロジェクト {project}",
        .stepPipeline: "CodePipeline {pipeline} ({type}): ソース、続いてビルド",
        .stepTrigger: "{branch} の EventBridge ルール {rule}",

        // MARK: deploy-stack.sh and stackset.sh: written by vpcpipe, then their bash library (`@say:KEY@`)
        // スタックインスタンス: ja_jp/codepipeline/latest/userguide/action-reference-StackSets.md 「スタック
        // インスタンスを作成または更新します」; StackSet stays as the English names it. 変更セット (change set):
        // not confirmed in a Japanese page.
        .stackReadParameters: "テンプレートのパラメータに必要な値を読み取る",
        .stackPreview: "スタック {stack} の変更セットをプレビューする",
        .stackCreateOrUpdate: "スタック {stack} を作成または更新する",
        .stackEmptyBucket: "アーティファクトバケットを空にする",
        .stackDelete: "スタック {stack} を削除する",
        .stackHelpDelete: "代わりにスタックを削除する (先にアーティファクトバケットを空にする)",
        .stackConfirmChangeSet: "この変更セットを実行しますか? [y/N]",
        .stackConfirmDelete: "このスタックと、それが作成したものをすべて削除しますか? [y/N]",
        .stackDomainNotYet: "ドメイン {domain} はまだ存在しないため、そのアセットバケットが分かりません: VPCPIPE_ASSETS_BUCKET_ARN にリージョンの CodeArtifact アセットバケットを設定してください (リージョンの任意のドメインの describe-domain の s3BucketArn。docs/cloudformation.md)。",
        .stackBranchHasCommits: "  {repository} のブランチ {branch} にはコミットがあります: サンプルアプリは再びコミットしません。",
        .stackStatus: "  スタック {STACK}: {STATUS}",
        .stackChangeSetBeingMade: "変更セット {CHANGE_SET} を作成しています",
        .stackUnchanged: "  スタックはテンプレートのとおりです: 変更するものはありません。",
        .stackChangeSetFailed: "変更セットが失敗しました: {reason}",
        .stackChangeSetListed: "  変更セット (アクション、リソース、タイプ、置換):",
        .stackNothingChanged: "何も変更しませんでした。",
        .stackWaiting: "スタック {STACK}: {1}",
        .stackFailedEvents: "スタックの失敗したイベント (時刻、リソース、ステータス、理由):",
        .stackSetHelpYes: "StackSet を変更する前に尋ねない",
        .stackSetHelpDelete: "スタックインスタンス (とそのスタック) を削除し、続いて StackSet を削除する",
        .stackSetReadAssets: "各リージョンの CodeArtifact アセットバケットを読み取る",
        .stackSetConfirm: "StackSet {stackset} と {regions} のスタックインスタンスを作成または更新しますか? [y/N]",
        .stackSetCreateOrUpdate: "StackSet {stackset} を作成または更新する",
        .stackSetDeploy: "{region} にスタックインスタンスをデプロイする",
        .stackSetList: "スタックインスタンスを一覧表示する",
        .stackSetDelete: "スタックインスタンスと StackSet を削除する",
        .stackSetNone: "  StackSet がありません: 削除するものはありません。",
        .stackSetConfirmDelete: "スタックインスタンス、そのスタック、StackSet を削除しますか? [y/N]",
        .stackSetDeleted: "スタックインスタンスの削除",
        .stackSetAssetsUnknown: "{region} の CodeArtifact アセットバケットが分かりません (そこにはそれを示すプランのドメインがありません): {variable} に {region} の任意のドメインの describe-domain の s3BucketArn を設定してください (docs/cloudformation.md)。",
        .stackSetAssetsNotARN: "{region} の CodeArtifact アセットバケットが S3 バケットの ARN ではありません: {value}",
        .stackSetTemplateTooLarge: "cloudformation.yaml は {size} バイトで、CloudFormation がインラインで受け付ける {TEMPLATE_BODY_LIMIT} バイトを超えています: このアカウントが読み取れる S3 バケットにアップロードし、VPCPIPE_TEMPLATE_URL にそのオブジェクトの https:// URL を設定してください (docs/cloudformation.md)。",
        .stackSetUpdated: "StackSet とスタックインスタンスの更新",
        .stackSetInstancesIn: "{1} のスタックインスタンス",
        .stackSetInstanceOf: "{1} の {2} のスタックインスタンス",
        .stackSetOperation: "オペレーション {operation}: {2}",
        .stackSetInstancesStand: "  {status}。スタックインスタンス: {counts}",
        .stackSetNoInstances: "  {status}。スタックインスタンスはまだありません",
        .stackSetStillRunning: "オペレーション {operation} は {WAIT_SECONDS} 秒後もまだ {status} です: stackset.sh なしで続きます。終わったら stackset.sh をもう一度実行してください。",
        .stackSetOperationEnded: "オペレーション {operation} は {status} で終わりました。成功しなかったスタックインスタンス (アカウント、リージョン、ステータス、理由):",
        .stackSetNoneListed: "{results:-(一覧なし)}",
        .stackSetInstancesListed: "  スタックインスタンス (アカウント、リージョン、ステータス、詳細ステータス、理由):",

        // MARK: setup.sh, teardown.sh, verify.sh: written by vpcpipe
        .helpUsage: "使い方:",
        .helpEnvironment: "環境変数:",
        .helpYes: "「{question}」と尋ねない",
        .helpDryRun: "AWS CLI のコマンドをすべて表示し、何も呼び出さない (実行時の値は <placeholders> と表示)",
        .helpHelp: "このヘルプを表示する",
        .helpRetrySeconds: "IAM の伝播エラーを再試行する時間 (秒、既定は 120)",
        .helpPollSeconds: "ポーリングの間隔 (秒、既定は 15)",
        .helpWaitSeconds: "ポーリングで待つ時間。これを過ぎるとスクリプトは止まります (秒、既定は 900)",
        .helpProgressFD: "進捗行を書き込むファイル記述子 (vpcpipe apply が読みます)",
        .helpRegionAssetsBucket: "リージョンの CodeArtifact アセットバケット (REGION の - は _)。どのドメインからも分からない場合に指定します (docs/cloudformation.md)",
        .helpTemplateURL: "テンプレートの S3 URL。CloudFormation がインラインで受け付ける 51,200 バイトを超えたら必要です",
        .helpAssetsBucket: "リージョンの CodeArtifact アセットバケット。まだどのドメインからも分からない場合に指定します (docs/cloudformation.md)",
        .unknownOption: "不明なオプション: {option}",
        .identityAccount: "アカウント: {ACCOUNT}",
        .identityRegion: "リージョン: {REGION}",
        .identityProfile: "プロファイル: {AWS_ARGS[3]}",
        .confirmSetup: "これらのリソースを作成しますか? [y/N]",
        .confirmTeardown: "これらのリソースを削除しますか? [y/N]",
        .declinedSetup: "何も作成しませんでした。",
        .declinedTeardown: "何も削除しませんでした。",
        .completedSetup: "セットアップが完了しました。verify.sh を実行すると、変更をリリースしてビルドのログを確認します (手での方法は checklist.md にあります)。",
        .completedTeardown: "削除が完了しました。",
        .dryRun: "ドライラン: コマンドを表示するだけで、何も呼び出しません。",
        .setupHeading: "次の順に作成します (見つかったものは作成し直さずに使います):",
        .teardownHeading: "次の順に、タグ {tag} の付いたものだけを削除します (すでにないものは飛ばし、既存として指定されたものやタグのないものは残します):",
        .markExisting: "  [既存]         {resource}",
        .markToBeDeleted: "  [削除予定]     {resource}",
        .removeTitle: "削除: {title}",
        .vpcDNSLeftOn: "{vpc} の DNS サポートと DNS ホスト名は有効のまま残します。setup.sh がエンドポイントのプライベート DNS のために有効にしましたが、これは VPC の設定で、他のワークロードが頼っているかもしれません。必要なものがない場合にだけ、VPC の設定で無効にしてください。",
        .verifyStartTitle: "パイプライン {pipeline} の実行を開始する、または実行中のものを追う",
        .verifyStagesTitle: "ステージ {source}、続いて {build} を待つ",
        .verifyBuildTitle: "ステージ {stage} のビルドを探す",
        .verifyBuildLogTitle: "ステージ {stage} のビルドを探し、ログを読む",
        .verifyLineTitle: "サンプルアプリが {line} を出力した",
        .verifyLineLoginTitle: "サンプルアプリが CodeArtifact へのログイン後に {line} を出力した",
        .verifyPackageTitle: "{package} が {repository} に入った",
        .verifyPackageUpstreamTitle: "{package} がアップストリーム {upstream} を経由して {repository} に入った",
        .verifyPackageWhat: "{format} パッケージ {package}",
        .verdictRun: "パイプラインは動作しています: 実行 {EXECUTION} は {source} と {build} を通過しました。",
        .verdictNoSampleApp: "サンプルアプリはコミットされていない (source.create と source.sample_app) ので、確認したのは実行だけです。あなたのアプリの出力はビルドのログで確かめてください。",
        .verdictNoLogs: "build.logs が none: ビルドのログは CloudWatch Logs にないので、アプリの出力は確認していません。",
        .verdictPrinted: "ビルドは 49 の平方根 {line} を出力しました。",
        .verdictPrintedLogin: "ビルドは CodeArtifact へのログイン後に 49 の平方根 {line} を出力しました。",
        .verdictPackage: "{package} は {domain}/{repository} にあり、インターネットアクセスなしで取得されました。",
        .verdictPackageUpstream: "{package} は {domain}/{repository} にあり、インターネットアクセスなしで {upstream} 経由で取得されました。",

        // MARK: setup.sh, teardown.sh, verify.sh: their bash library (`@say:KEY@`)
        .failedAtStep: "{script} はステップ {STEP} で失敗しました: {STEP_TITLE}",
        .stoppedBeforeStep: "{script}.sh は求めに応じてステップ {1} の前で止まりました。もう一度実行するとそこから続けます。",
        .codeCommitClosed: """
            CodeCommit がリポジトリの作成を拒否しました。AWS は 2024 年 7 月に CodeCommit の新規顧客への提供を終了しました
            (2025 年 11 月に一般提供に戻りました)。CodeCommit のリポジトリをすでに持つアカウントを使うか、
            source.create: false で既存のリポジトリを使ってください。
            """,
        .alreadyDone: "  実行済み: {1} {2}",
        .propagating: "IAM の変更がまだ伝播していません。{delay} 秒後に再試行します",
        .dryRunListed: "  # 確認: {2} の行に {key} があるか",
        .dryRunFound: "  # 確認 (見つかったものは作成し直しません):",
        .readingTitle: "{2} (既存のものを読み取り中)",
        .existsTheirs: "  存在します (vpcpipe が作成したものではありません): そのまま使い、teardown でも残します",
        .existsOurs: "  存在します: 作成するものはありません",
        .markToBeCreated: "  [作成予定]     {2}",
        .markFoundUsed: "  [既存を使用]   {2}",
        .markFound: "  [作成済み]     {2}",
        .alreadyGone: "  すでにありません: {1} {2}",
        .alreadyGoneWhat: "  すでにありません: {what}",
        .kept: "  残します: {what} (vpcpipe が作成したものではありません)",
        .endpointFailed: "エンドポイントが {state} です。VPC コンソールを確認してください",
        .endpointsTimedOut: "VPC エンドポイントが利用可能になるのを {WAIT_SECONDS} 秒待ちましたが、時間切れです。続けるにはこのスクリプトをもう一度実行してください",
        .endpointsPending: "{pending} 個がまだ利用可能ではありません。{POLL_SECONDS} 秒後にもう一度確認します",
        .interfacesTimedOut: "ネットワークインターフェイス ({OUT}) がなくなるのを {WAIT_SECONDS} 秒待ちましたが、時間切れです。後でこのスクリプトをもう一度実行してください",
        .interfacesInUse: "ネットワークインターフェイスがまだ使用中です: {OUT}。{POLL_SECONDS} 秒後にもう一度確認します",
        .note: "  注意: {1}",
        .problemsFound: "setup.sh は何も作成せずに止まります。アカウントに {#PROBLEMS[@]} 件の問題があります:",
        .changeAnswers: "回答 (そのあと vpcpipe --headless をもう一度) またはアカウントを変更し、setup.sh をもう一度実行してください。",
        .followingRun: "  実行中のものを追います: {EXECUTION}",
        .startedRun: "  実行 {EXECUTION} を開始しました",
        .stageState: "ステージ {stage}: {STATE}",
        .runTimedOutHint: "VPCPIPE_WAIT_SECONDS を増やすか、CodePipeline コンソールで実行を確認してください",
        .runNeverStarted: "実行が始まりませんでした。別の実行がパイプラインを使っている (V2 のパイプラインは実行を順に待たせます) か、CodePipeline がロールを使えません。{hint}",
        .runTimedOut: "ステージ {stage}: {WAIT_SECONDS} 秒後も {STATE}。実行 {EXECUTION} を待つ時間が切れました ({hint})",
        .stageFailed: "ステージ {stage}: {STATE}: 実行 {EXECUTION} は {RUN_STATUS} です{error:+: $error}",
        .runFailed: "実行 {EXECUTION} は {RUN_STATUS} です",
        .logUnreadable: #"ステージ {BUILD_STAGE}: ビルドのログを読めません: {$(grep -o 'The specified log [a-z]* does not exist' "$ERRORS" || echo 'ログが見つかりません')} (ロググループ {group}、ストリーム {LOG_STREAM})"#,
        .logGroupMissing: "ロググループは setup.sh が作成します。setup.sh をもう一度実行してから verify.sh を実行してください (グループがない間に実行されたビルドはログを書いていません)",
        .causeEndpointPolicy: "考えられる原因: VPC エンドポイントのポリシーが呼び出しを拒否しています (endpoints.policies。各ポリシーは policies/endpoint-*.json にあります)。そこで許可するか、endpoints.policies を account にしてください",
        .causeTimeout: "考えられる原因: エンドポイントへの接続がタイムアウトしました{url:+ ($url)}。その VPC エンドポイントがないか利用可能でない、プライベート DNS がオフ、またはそのセキュリティグループがビルドのセキュリティグループからの HTTPS (443) を受け入れていません",
        .causeRuntime: "考えられる原因: イメージにないランタイムです。buildspec の runtime-versions (build.runtime) がイメージ (build.image) にないバージョンを指定しています。メッセージにイメージのあるバージョンが並んでいます",
        .buildSucceededPhase: "  ビルド {BUILD} は成功しました。ログの build フェーズ:",
        .buildSucceededLog: "  ビルド {BUILD} は成功しました。ログ:",
        .buildFailed: "ステージ {BUILD_STAGE}: ビルド {BUILD} は {BUILD_STATUS}、フェーズ {phase}: {code}{message:+: $message}",
        .lastLines: "ログの最後の行:",
        .tailOrNone: "  {tail:-(ログの行はありません)}",
        .dryRunLogLine: #"  # 確認: ビルドのログに {1} だけの行がある{2:+、および \"$2\" がある}"#,
        .loginMissing: #"ステージ {BUILD_STAGE}: ビルドのログに \"{2}\" がありません。CodeArtifact へのログインが行われていません"#,
        .lineMissing: "ステージ {BUILD_STAGE}: ビルドは成功しましたが、ログにサンプルアプリの答え {1} の行がありません",
        .buildPrinted: "  ビルドは {1} を出力しました{2:+ (CodeArtifact へのログイン後)}",
        .packageMissing: "ステージ {BUILD_STAGE}: {what} がリポジトリにありません。ビルドは CodeArtifact を通じて取得していません",
        .packageNotExternal: #"ステージ {BUILD_STAGE}: {what} はリポジトリにありますが、アップストリームの外部接続から来たバージョンがありません: {$(tr '\t\n' ': ' <<< "$OUT")}"#,
        .packageFound: #"  {what} はリポジトリにあります: {$(cut -f1 <<< "$OUT" | tr '\n' ' ')}(外部接続から)"#,
    ]
}
