/**
 * GENERATED FILE: DO NOT EDIT.
 * Source: spec/vod.openapi.yaml. Generator: tools/codegen (validators.ts).
 * Regenerate with `pnpm generate`; `pnpm generate --check` fails when this file is stale.
 */
import type { RequestShape } from '../openapi-schema.js';

/** The DeleteImage request as each profile reads the spec: discriminator, variants, common parameters. */
export const REQUEST_SHAPES: Readonly<Record<"service" | "strict", RequestShape>> = {
  "service": {
    "discriminator": "DeleteImageType",
    "variants": [
      {
        "value": "ImageURL",
        "schema": "DeleteImageByImageURLs",
        "fields": [
          "DeleteImageType",
          "ImageURLs"
        ]
      },
      {
        "value": "ImageId",
        "schema": "DeleteImageByImageIds",
        "fields": [
          "DeleteImageType",
          "ImageIds"
        ]
      },
      {
        "value": "VideoId",
        "schema": "DeleteImageByVideoId",
        "fields": [
          "DeleteImageType",
          "VideoId",
          "ImageType"
        ]
      }
    ],
    "commonParameters": [
      "Action",
      "Version",
      "Format",
      "AccessKeyId",
      "SignatureMethod",
      "SignatureVersion",
      "SignatureNonce",
      "Timestamp",
      "SecurityToken",
      "Signature",
      "RegionId",
      "OwnerId",
      "ResourceOwnerId",
      "ResourceOwnerAccount"
    ]
  },
  "strict": {
    "discriminator": "DeleteImageType",
    "variants": [
      {
        "value": "ImageURL",
        "schema": "DeleteImageByImageURLs",
        "fields": [
          "DeleteImageType",
          "ImageURLs"
        ]
      },
      {
        "value": "ImageId",
        "schema": "DeleteImageByImageIds",
        "fields": [
          "DeleteImageType",
          "ImageIds"
        ]
      },
      {
        "value": "VideoId",
        "schema": "DeleteImageByVideoId",
        "fields": [
          "DeleteImageType",
          "VideoId",
          "ImageType"
        ]
      }
    ],
    "commonParameters": [
      "Action",
      "Version",
      "Format",
      "AccessKeyId",
      "SignatureMethod",
      "SignatureVersion",
      "SignatureNonce",
      "Timestamp",
      "SecurityToken",
      "Signature",
      "RegionId",
      "OwnerId",
      "ResourceOwnerId",
      "ResourceOwnerAccount"
    ]
  }
};
