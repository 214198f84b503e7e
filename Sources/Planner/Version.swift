/// vpcpipe's version: `vpcpipe --version` prints it, and plan.json and the scripts' header carry
/// it, so an output folder tells which vpcpipe wrote it.
public let vpcpipeVersion = "0.1.0"
