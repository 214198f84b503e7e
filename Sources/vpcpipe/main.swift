import VpcpipeResources
print(BundledText.articleExample)
