#!/usr/bin/env python3
"""Writes what CloudFormation would deploy from template.yaml, for the linters to check.

  expand-template.py TEMPLATE OUT_DIR

OUT_DIR/expanded.json  template.yaml with Fn::ForEach (AWS::LanguageExtensions) expanded over
                       sample values, so that checkov sees the per-database and per-bucket IAM
                       policies it cannot expand itself (each parameter's Default, else two
                       sample names).
OUT_DIR/translated.json expanded.json, packaged (CodeUri as an S3 URI), through the SAM transform (aws-sam-translator, when the
                       venv has it): the AWS::Lambda::Function, Version, Alias, EventInvokeConfig
                       and Scheduler resources SAM generates. cfn-lint 1.x validates SAM templates
                       against a schema only, without running the transform.

Runs with the Python of the lint venv (it imports cfn-lint's YAML decoder). Exit 0 when written,
2 on a template it cannot expand or translate (the reason on stderr), 3 when OUT_DIR/translated.json
could not be made because aws-sam-translator is not installed.
"""

import copy
import json
import os
import re
import sys

from cfnlint.decode import decode

SAMPLE_VALUES = ["sample_one", "sample_two"]
FOR_EACH = "Fn::ForEach::"


def sample_collection(template, collection):
    """The values a ForEach collection takes here: a literal list, or a parameter's."""
    if isinstance(collection, list):
        return [str(item) for item in collection]
    if isinstance(collection, dict) and set(collection) == {"Ref"}:
        parameter = template.get("Parameters", {}).get(collection["Ref"])
        if parameter is None:
            raise ValueError(f"Fn::ForEach collection refers to unknown parameter {collection['Ref']}")
        default = str(parameter.get("Default", "")).strip()
        return [item.strip() for item in default.split(",")] if default else list(SAMPLE_VALUES)
    raise ValueError(f"unsupported Fn::ForEach collection {collection!r}")


def substitute(node, identifier, value):
    """Replaces the loop identifier as CloudFormation does: Ref, ${Id} and &{Id}."""
    if isinstance(node, dict):
        if set(node) == {"Ref"} and node["Ref"] == identifier:
            return value
        return {
            substitute(key, identifier, value): substitute(item, identifier, value)
            for key, item in node.items()
        }
    if isinstance(node, list):
        return [substitute(item, identifier, value) for item in node]
    if isinstance(node, str):
        alphanumeric = re.sub(r"[^A-Za-z0-9]", "", value)
        return node.replace("${" + identifier + "}", value).replace("&{" + identifier + "}", alphanumeric)
    return node


def expand_section(template, section):
    expanded = {}
    for key, item in section.items():
        if not key.startswith(FOR_EACH):
            expanded[key] = item
            continue
        if not isinstance(item, list) or len(item) != 3:
            raise ValueError(f"{key}: Fn::ForEach takes [identifier, collection, output]")
        identifier, collection, output = item
        for value in sample_collection(template, collection):
            for output_key, output_value in output.items():
                name = substitute(output_key, identifier, value)
                if name in expanded or name in section:
                    raise ValueError(f"{key}: logical id {name} is generated twice")
                expanded[name] = substitute(copy.deepcopy(output_value), identifier, value)
    return expanded


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    source, out_dir = sys.argv[1], sys.argv[2]
    template, matches = decode(source)
    if matches or template is None:
        for match in matches:
            print(f"{source}: {match}", file=sys.stderr)
        return 2
    template = json.loads(json.dumps(template))  # plain dicts and strings, no decoder node types
    for section in ("Resources", "Outputs", "Conditions"):
        if section in template:
            template[section] = expand_section(template, template[section])
    transforms = template.get("Transform", [])
    transforms = transforms if isinstance(transforms, list) else [transforms]
    template["Transform"] = [name for name in transforms if name != "AWS::LanguageExtensions"]
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "expanded.json"), "w", encoding="utf-8") as out:
        json.dump(template, out, indent=1)

    try:
        from samtranslator.translator.transform import transform
    except ImportError:
        return 3

    class NoManagedPolicies:
        """The template names no managed policies, so the loader is never asked for the IAM list."""

        def load(self):
            return {}

    # What `aws cloudformation package` does: local code becomes an uploaded S3 object.
    packaged = copy.deepcopy(template)
    for resource in packaged.get("Resources", {}).values():
        properties = resource.get("Properties") or {}
        code = properties.get("CodeUri")
        if resource.get("Type") == "AWS::Serverless::Function" and isinstance(code, str):
            if not code.startswith("s3://"):
                properties["CodeUri"] = "s3://packaged-artifacts/" + os.path.basename(code)
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    parameters = {
        name: (parameter.get("Default") or "sample-value")
        for name, parameter in template.get("Parameters", {}).items()
    }
    try:
        translated = transform(packaged, parameters, NoManagedPolicies())
    except Exception as error:  # the translator reports template errors as exceptions
        causes = getattr(error, "causes", None) or []
        print(f"{source}: SAM transform failed: {error}", file=sys.stderr)
        for cause in causes:
            print(f"  {getattr(cause, 'message', cause)}", file=sys.stderr)
        return 2
    with open(os.path.join(out_dir, "translated.json"), "w", encoding="utf-8") as out:
        json.dump(translated, out, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
