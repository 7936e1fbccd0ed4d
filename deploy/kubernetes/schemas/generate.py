#!/usr/bin/env python3
"""Writes the JSON schemas kubeconform validates deploy/kubernetes against.

    python3 deploy/kubernetes/schemas/generate.py --crds <crd.yaml>... \
        --kubernetes-openapi <swagger.json> --out deploy/kubernetes/schemas

Run by hand when an operator or the Kubernetes API version is bumped; the
output is committed (see sources.md for where the inputs came from), so the
lint tier needs no network. Two inputs:

- CustomResourceDefinitions (Strimzi, CloudNativePG, KEDA): each served
  version's openAPIV3Schema becomes <group>/<kind>_<version>.json;
- the Kubernetes OpenAPI v2 document: the built-in kinds this deployment uses
  become <group or v1>/<kind>_<version>.json, every $ref inlined.

Both are made strict the way kubeconform's -strict means it: an object that
lists its properties gets additionalProperties: false unless the API says
unknown fields are kept (x-kubernetes-preserve-unknown-fields), so a typo in a
field name fails validation instead of being dropped by the API server.
"""
import argparse
import copy
import json
import os
import sys

import yaml

# Built-in kinds rendered by deploy/kubernetes (definition name in the OpenAPI document).
BUILTIN_KINDS = [
    "io.k8s.api.apps.v1.Deployment",
    "io.k8s.api.batch.v1.Job",
    "io.k8s.api.core.v1.ConfigMap",
    "io.k8s.api.core.v1.Namespace",
    "io.k8s.api.core.v1.Secret",
    "io.k8s.api.core.v1.Service",
    "io.k8s.api.core.v1.ServiceAccount",
    "io.k8s.api.policy.v1.PodDisruptionBudget",
    "io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler",
    "io.k8s.api.networking.v1.NetworkPolicy",
]


def strict(node):
    """Returns a copy of an OpenAPI (v2 or v3 structural) schema, JSON-schema valid and strict."""
    if isinstance(node, list):
        return [strict(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: strict(v) for k, v in node.items() if not k.startswith("x-kubernetes-") and k != "x-kubernetes"}
    if node.get("x-kubernetes-int-or-string"):
        out.pop("type", None)
        out.pop("format", None)
        out["type"] = ["integer", "string"]
    if node.get("format") == "int-or-string":
        out.pop("format", None)
        out["type"] = ["integer", "string"]
    if node.get("nullable"):
        out.pop("nullable", None)
        if isinstance(out.get("type"), str):
            out["type"] = [out["type"], "null"]
    if (
        "properties" in out
        and "additionalProperties" not in out
        and not node.get("x-kubernetes-preserve-unknown-fields")
    ):
        out["additionalProperties"] = False
    return out


def write(out_dir, group, kind, version, schema):
    folder = os.path.join(out_dir, group or "v1")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, f"{kind.lower()}_{version}.json")
    with open(path, "w") as f:
        json.dump(schema, f, separators=(",", ":"), sort_keys=True)
        f.write("\n")
    return path


def from_crds(paths, out_dir):
    written = []
    for p in paths:
        with open(p) as f:
            for doc in yaml.safe_load_all(f):
                if not doc or doc.get("kind") != "CustomResourceDefinition":
                    continue
                spec = doc["spec"]
                for v in spec["versions"]:
                    if not v.get("served"):
                        continue
                    schema = strict(v["schema"]["openAPIV3Schema"])
                    # The API server sets these; manifests must carry them.
                    schema.setdefault("properties", {})
                    schema["properties"]["apiVersion"] = {"type": "string", "enum": [f"{spec['group']}/{v['name']}"]}
                    schema["properties"]["kind"] = {"type": "string", "enum": [spec["names"]["kind"]]}
                    schema["properties"]["metadata"] = {"type": "object"}
                    schema["required"] = sorted(set(schema.get("required", [])) | {"apiVersion", "kind", "metadata"})
                    written.append(write(out_dir, spec["group"], spec["names"]["kind"], v["name"], schema))
    return written


def inline(node, definitions, seen):
    if isinstance(node, list):
        return [inline(n, definitions, seen) for n in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        name = node["$ref"].split("/")[-1]
        if name in seen:
            # Recursive types (JSONSchemaProps) cannot be inlined forever; accept anything there.
            return {}
        resolved = inline(definitions[name], definitions, seen | {name})
        extra = {k: v for k, v in node.items() if k != "$ref"}
        return {**resolved, **extra}
    return {k: inline(v, definitions, seen) for k, v in node.items()}


def from_openapi(path, out_dir):
    with open(path) as f:
        definitions = json.load(f)["definitions"]
    written = []
    for name in BUILTIN_KINDS:
        d = definitions[name]
        gvk = d["x-kubernetes-group-version-kind"][0]
        schema = strict(inline(copy.deepcopy(d), definitions, {name}))
        group = gvk["group"]
        api_version = f"{group}/{gvk['version']}" if group else gvk["version"]
        schema["properties"]["apiVersion"] = {"type": "string", "enum": [api_version]}
        schema["properties"]["kind"] = {"type": "string", "enum": [gvk["kind"]]}
        schema["required"] = sorted(set(schema.get("required", [])) | {"apiVersion", "kind", "metadata"})
        written.append(write(out_dir, group, gvk["kind"], gvk["version"], schema))
    return written


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--crds", nargs="*", default=[])
    ap.add_argument("--kubernetes-openapi")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    written = from_crds(a.crds, a.out)
    if a.kubernetes_openapi:
        written += from_openapi(a.kubernetes_openapi, a.out)
    for w in written:
        print(w)
    if not written:
        sys.exit("nothing written: no CRD and no OpenAPI document given")


if __name__ == "__main__":
    main()
