// The pipeline's artifact bucket, which the console creates silently: versioned, private, TLS only.

enum ArtifactBucketStep {
    static func make(_ c: PlanContext) -> PlanPart {
        let names = c.names, region = c.answers.region
        let bucket = names.artifactBucket
        // Tagged by the call that creates it (CreateBucketConfiguration's Tags, which the AWS CLI
        // passes from v1 1.42 on): no fault can leave a bucket of ours without the tag that
        // tells it from someone else's. us-east-1 takes no LocationConstraint.
        let location: [(String, JSONValue)] = region == "us-east-1" ? [] : [("LocationConstraint", .string(.text(region)))]
        let configuration = JSONValue.object(location + [("Tags", c.tagList(key: "Key", value: "Value"))])
        let denyInsecure = JSONValue.object([("Version", "2012-10-17"), ("Statement", [.object([
            ("Sid", "DenyInsecureTransport"), ("Effect", "Deny"), ("Principal", "*"), ("Action", "s3:*"),
            ("Resource", [.string(names.artifactBucketArn), .string(names.artifactBucketArn + "/*")]),
            ("Condition", .object([("Bool", .object([("aws:SecureTransport", "false")]))])),
        ])])])
        let versioning = JSONValue.object([("Status", "Enabled")])
        let publicAccessBlock = JSONValue.object(["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"]
            .map { ($0, .bool(true)) })
        let declarations = [
            Declaration(Declaration.ID.artifactBucket, "AWS::S3::Bucket", [
                ("BucketName", .string(bucket)), ("VersioningConfiguration", versioning),
                ("PublicAccessBlockConfiguration", publicAccessBlock), ("Tags", c.declaredTags),
            ]),
            Declaration(Declaration.ID.artifactBucketPolicy, "AWS::S3::BucketPolicy",
                        [("Bucket", .string(bucket)), ("PolicyDocument", denyInsecure)], dependsOn: [Declaration.ID.artifactBucket]),
        ]
        let resource = Resource(.kindBucket, bucket, answer: \Answers.pipeline.artifactBucket, declarations: declarations)
        let tag = Command("s3api", "get-bucket-tagging").with("bucket", bucket).query(c.tagQuery("TagSet", key: "Key", value: "Value"))
        return PlanPart([Step(
            id: .artifactBucket, title: .stepArtifactBucket,
            why: "CodePipeline hands the source to the build and keeps the build's output in this bucket, which the console would create silently.",
            resources: [resource],
            check: Check(Command("s3api", "head-bucket").with("bucket", bucket).with("expected-bucket-owner", Names.account),
                         absent: ["404", "NoSuchBucket"]).tagged(.call(tag)),
            create: [.call(Command("s3api", "create-bucket").with("bucket", bucket)
                .with("create-bucket-configuration", configuration.arg))],
            // Settings are idempotent PUTs, made every run: a run stopped after the bucket completes them.
            always: [.call(Command("s3api", "put-bucket-versioning").with("bucket", bucket)
                        .with("versioning-configuration", versioning.arg)),
                     .call(Command("s3api", "put-public-access-block").with("bucket", bucket)
                        .with("public-access-block-configuration", publicAccessBlock.arg)),
                     .call(Command("s3api", "put-bucket-policy").with("bucket", bucket).with("policy", denyInsecure.arg))],
            teardown: [.ifTagged(tag, resource: resource, [
                .deleteEach(list: Command("s3api", "list-object-versions").with("bucket", bucket)
                                .query("[Versions[].[Key,VersionId], DeleteMarkers[].[Key,VersionId]][]"),
                            fields: ["KEY", "VERSION_ID"],
                            delete: Command("s3api", "delete-object").with("bucket", bucket).with("key", .variable("KEY"))
                                .with("version-id", .variable("VERSION_ID"))),
                .call(Command("s3api", "delete-bucket").with("bucket", bucket))])],
            foreign: Problem("pipeline.artifact_bucket", .adviceChooseAnother, ["key": "pipeline.artifact_bucket"]))],
            documents: [(documentFile, denyInsecure)])
    }

    /// The bucket policy, under policies/ for whoever sets the bucket up in the console.
    static let documentFile = "artifact-bucket.json"
}
