/**
 * GENERATED FILE: DO NOT EDIT.
 * Source: spec/vod.openapi.yaml. Generator: tools/codegen (openapi-typescript).
 * Regenerate with `pnpm generate`; `pnpm generate --check` fails when this file is stale.
 */
export interface paths {
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Delete images or video snapshots (GET, fields in the query)
         * @description The same action with every parameter in the query string. The gateway accepts GET for RPC
         *     actions; the method is part of what is signed, so a request signed for GET must be sent
         *     with GET. The five `DeleteImage` fields are the properties of the `DeleteImageRequest`
         *     object parameter (`style: form, explode: true`: one query parameter per property), and
         *     list values are comma-joined.
         *
         *     Deleting an image that does not exist answers `NoSuchResource` (HTTP 404); see the POST
         *     operation and `x-assumptions`.
         */
        get: operations["DeleteImageWithQuery"];
        put?: never;
        /**
         * Delete images or video snapshots (POST, fields in the query or in a form body)
         * @description Real clients send POST in two shapes, and the service accepts both:
         *
         *     - **Query, empty body**: the current generated Alibaba SDKs (TypeScript, Go, ...) put every
         *       field in the query string and send an empty body. The fields are then the properties of
         *       the `DeleteImageRequest` query parameter, exactly as with GET.
         *     - **Form body**: `@alicloud/pop-core` and older SDKs send the fields in an
         *       `application/x-www-form-urlencoded` body.
         *
         *     A request uses one shape: its `DeleteImage` fields are either all in the query or all in
         *     the body. With `HMAC-SHA1` the common parameters may travel in the query string or in the
         *     body (the signature covers their union); with `ACS3-HMAC-SHA256` they are replaced by
         *     `x-acs-*` headers and the body is hashed into `x-acs-content-sha256`.
         *
         *     **Missing images are an error.** Deleting an image that does not exist answers
         *     `NoSuchResource` (HTTP 404), as DeleteImage's documentation lists. Repeating a delete that
         *     succeeded therefore answers `NoSuchResource`: the effect is idempotent (the image stays
         *     gone), the answer is not.
         *
         *     **Assumptions** (the documentation is silent; `x-assumptions` states them as data):
         *     when only some of a call's `ImageIds` or `ImageURLs` exist, vodkit assumes the whole call
         *     answers `NoSuchResource` and deletes nothing (the emulator can also delete the rest); a
         *     `VideoId` without stored snapshots answers `NoSuchResource`, while a video whose
         *     snapshots are all of other kinds succeeds and deletes nothing; and fields of another
         *     variant are ignored by the service (vodkit's client refuses to send them).
         */
        post: operations["DeleteImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description What to delete, chosen by `DeleteImageType`.
         *
         *     **Whose rule is it?** Every constraint here is the service's own unless the schema that
         *     holds it lists the keyword under `x-vodkit-rules`. Those are vodkit's stricter rules: its
         *     types and client enforce them (an impossible request does not compile and is never sent),
         *     and so does the emulator's `strict` profile. A validator of real traffic (the emulator's
         *     `service` profile) uses the value given there instead, or drops the keyword where the value
         *     is `null`. vodkit's rules: each variant accepts exactly its own fields
         *     (`additionalProperties: false`; the service ignores the others), `All` stands alone, no kind
         *     is listed twice, at most four kinds, and no control characters or lone UTF-16 surrogates
         *     in an ID or URL.
         */
        DeleteImageRequest: components["schemas"]["DeleteImageByImageURLs"] | components["schemas"]["DeleteImageByImageIds"] | components["schemas"]["DeleteImageByVideoId"];
        /**
         * Delete by image URL
         * @description Delete images by the URLs returned when they were uploaded.
         */
        DeleteImageByImageURLs: {
            /**
             * @description discriminator enum property added by openapi-typescript
             */
            DeleteImageType: "ImageURL";
            ImageURLs: components["schemas"]["ImageURLList"];
            /** A field of another variant: never allowed here. */
            ImageIds?: never;
            /** A field of another variant: never allowed here. */
            ImageType?: never;
            /** A field of another variant: never allowed here. */
            VideoId?: never;
        };
        /**
         * Delete by image ID
         * @description Delete images by their image IDs.
         */
        DeleteImageByImageIds: {
            /**
             * @description discriminator enum property added by openapi-typescript
             */
            DeleteImageType: "ImageId";
            ImageIds: components["schemas"]["ImageIdList"];
            /** A field of another variant: never allowed here. */
            ImageType?: never;
            /** A field of another variant: never allowed here. */
            ImageURLs?: never;
            /** A field of another variant: never allowed here. */
            VideoId?: never;
        };
        /**
         * Delete snapshots of a video
         * @description Delete the snapshots of one video, of the kinds given in `ImageType`.
         */
        DeleteImageByVideoId: {
            /**
             * @description discriminator enum property added by openapi-typescript
             */
            DeleteImageType: "VideoId";
            VideoId: components["schemas"]["VideoId"];
            ImageType: components["schemas"]["ImageTypeSelection"];
            /** A field of another variant: never allowed here. */
            ImageIds?: never;
            /** A field of another variant: never allowed here. */
            ImageURLs?: never;
        };
        /**
         * @description 1 to 20 image URLs. On the wire each URL is percent-encoded on its own (RFC 3986:
         *     everything but `A-Z a-z 0-9 - _ . ~`, UTF-8 bytes, uppercase hex) and the encoded URLs are
         *     joined with `,`; the signature rules then encode the whole list once more, like any value.
         *     Alibaba's documentation of 2019 to 2022 asks for this per-item encoding "to avoid special
         *     characters making the delete fail".
         */
        ImageURLList: readonly [
            components["schemas"]["ImageURL"],
            components["schemas"]["ImageURL"]?,
            components["schemas"]["ImageURL"]?,
            components["schemas"]["ImageURL"]?,
            components["schemas"]["ImageURL"]?,
            components["schemas"]["ImageURL"]?,
            components["schemas"]["ImageURL"]?,
            components["schemas"]["ImageURL"]?,
            components["schemas"]["ImageURL"]?,
            components["schemas"]["ImageURL"]?,
            components["schemas"]["ImageURL"]?,
            components["schemas"]["ImageURL"]?,
            components["schemas"]["ImageURL"]?,
            components["schemas"]["ImageURL"]?,
            components["schemas"]["ImageURL"]?,
            components["schemas"]["ImageURL"]?,
            components["schemas"]["ImageURL"]?,
            components["schemas"]["ImageURL"]?,
            components["schemas"]["ImageURL"]?,
            components["schemas"]["ImageURL"]?
        ];
        /**
         * @description An image URL as returned by `CreateUploadImage` (`ImageURL`), before the per-item wire encoding. Percent-encode any comma it contains.
         * @example https://media.example.com/image/default/2E1D7E36F7E24B1FA8B86E9C81B3F2D5-6-2.png
         */
        ImageURL: string;
        /** @description 1 to 20 image IDs, comma-joined on the wire. */
        ImageIdList: readonly [
            components["schemas"]["ImageId"],
            components["schemas"]["ImageId"]?,
            components["schemas"]["ImageId"]?,
            components["schemas"]["ImageId"]?,
            components["schemas"]["ImageId"]?,
            components["schemas"]["ImageId"]?,
            components["schemas"]["ImageId"]?,
            components["schemas"]["ImageId"]?,
            components["schemas"]["ImageId"]?,
            components["schemas"]["ImageId"]?,
            components["schemas"]["ImageId"]?,
            components["schemas"]["ImageId"]?,
            components["schemas"]["ImageId"]?,
            components["schemas"]["ImageId"]?,
            components["schemas"]["ImageId"]?,
            components["schemas"]["ImageId"]?,
            components["schemas"]["ImageId"]?,
            components["schemas"]["ImageId"]?,
            components["schemas"]["ImageId"]?,
            components["schemas"]["ImageId"]?
        ];
        /**
         * @description An image ID (32 lowercase hexadecimal characters in Alibaba's examples).
         * @example bbc65bba53fed90de118a7849d7c4ee1
         */
        ImageId: string;
        /**
         * @description Exactly one video ID.
         * @example 93ab850b4f6f54b6e91d24d81d4f3d4a
         */
        VideoId: string;
        /**
         * @description Which snapshots of the video to delete: `All`, or a set of one to four snapshot kinds
         *     (comma-joined on the wire, e.g. `CoverSnapshot,NormalSnapshot`). `All` stands alone: it
         *     cannot be combined with a kind.
         */
        ImageTypeSelection: "All" | readonly [
            components["schemas"]["SnapshotKind"],
            components["schemas"]["SnapshotKind"]?,
            components["schemas"]["SnapshotKind"]?,
            components["schemas"]["SnapshotKind"]?
        ];
        /**
         * @description A kind of video snapshot: `CoverSnapshot` (thumbnail snapshots), `NormalSnapshot` (regular
         *     snapshots), `SpriteSnapshot` (sprite snapshots), `SpriteOriginSnapshot` (the source images
         *     of sprites).
         */
        SnapshotKind: "CoverSnapshot" | "NormalSnapshot" | "SpriteSnapshot" | "SpriteOriginSnapshot";
        /** @description The call succeeded. The body carries only the request ID. */
        DeleteImageResponse: {
            RequestId: components["schemas"]["RequestId"];
        };
        /**
         * @description The ID Alibaba Cloud assigned to the request; quote it in support tickets.
         * @example 25818875-5F78-4A13-BEF6-D7393642CA58
         */
        RequestId: string;
        /**
         * @description Error body. The set of codes is open: the documented codes are listed in
         *     `x-documented-codes` with their HTTP status, but clients must accept any string.
         */
        VodError: {
            RequestId: components["schemas"]["RequestId"];
            /**
             * @description The endpoint host that answered. Not present on every error body.
             * @example vod.cn-shanghai.aliyuncs.com
             */
            HostId?: string;
            /**
             * @description Error code (open set; see `x-documented-codes`).
             * @example SignatureDoesNotMatch
             */
            Code: string;
            /** @description Human-readable explanation. For `SignatureDoesNotMatch` it ends with the server's string-to-sign. */
            Message: string;
            /** @description A link to Alibaba Cloud's troubleshooting page for this request (absent in older responses). */
            Recommend?: string;
            /** @description Details of a RAM denial, present in some newer responses. */
            AccessDeniedDetail?: Record<string, never>;
        };
    };
    responses: {
        /** @description The images were deleted. */
        DeleteImageSucceeded: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DeleteImageResponse"];
                "application/xml": components["schemas"]["DeleteImageResponse"];
            };
        };
        /** @description The request is invalid, badly signed, expired, replayed or throttled. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VodError"];
                "application/xml": components["schemas"]["VodError"];
            };
        };
        /** @description The caller is not allowed to delete images. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VodError"];
                "application/xml": components["schemas"]["VodError"];
            };
        };
        /** @description The image, the AccessKey or the API was not found. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VodError"];
                "application/xml": components["schemas"]["VodError"];
            };
        };
        /** @description An unknown server failure; safe to retry with a fresh signature. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VodError"];
                "application/xml": components["schemas"]["VodError"];
            };
        };
        /** @description A temporary outage; safe to retry with a fresh signature. */
        ServiceUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VodError"];
                "application/xml": components["schemas"]["VodError"];
            };
        };
        /** @description Any other error status, with the same body shape. */
        OtherError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["VodError"];
                "application/xml": components["schemas"]["VodError"];
            };
        };
    };
    parameters: {
        /**
         * @description The action name. Required with `HMAC-SHA1` (in the query or the form body); with `ACS3-HMAC-SHA256` send `x-acs-action` instead.
         * @example DeleteImage
         */
        Action: "DeleteImage";
        /**
         * @description The API version. Required with `HMAC-SHA1`; with `ACS3-HMAC-SHA256` send `x-acs-version` instead.
         * @example 2017-03-21
         */
        Version: "2017-03-21";
        /**
         * @description Response format with `HMAC-SHA1`. VOD's documentation gives XML as the default while other
         *     products default to JSON, so always send it. Case-insensitive: the official SDKs send `JSON`
         *     and `json`. `ACS3-HMAC-SHA256` calls carry no `Format` and receive JSON.
         * @example JSON
         */
        Format: "JSON" | "XML" | "json" | "xml";
        /**
         * @description AccessKey ID (for STS credentials, the `STS.`-prefixed temporary ID). Required with `HMAC-SHA1`.
         * @example LTAI5tExampleAccessKey
         */
        AccessKeyId: string;
        /**
         * @description Required with `HMAC-SHA1`.
         * @example HMAC-SHA1
         */
        SignatureMethod: "HMAC-SHA1";
        /**
         * @description Required with `HMAC-SHA1`.
         * @example 1.0
         */
        SignatureVersion: "1.0";
        /**
         * @description A unique random value per request (such as a UUID or 32 random hex digits); the same value within 15 minutes is rejected with `SignatureNonceUsed`. Required with `HMAC-SHA1`.
         * @example 3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf
         */
        SignatureNonce: string;
        /**
         * @description Request time in UTC, ISO 8601 with second precision and a literal `Z`. Must be within 15 minutes of the server's clock. Required with `HMAC-SHA1`.
         * @example 2025-01-15T08:30:00Z
         */
        Timestamp: string;
        /** @description STS security token, required with `HMAC-SHA1` when `AccessKeyId` is a temporary (STS) key. Signed like any other parameter. */
        SecurityToken: string;
        /**
         * @description The `HMAC-SHA1` signature (Base64, then percent-encoded). Never part of its own input.
         * @example OLeaidS1JvxuMvnyHOwuJ+uX5qY=
         */
        Signature: string;
        /** @description The action name under `ACS3-HMAC-SHA256`. */
        AcsAction: "DeleteImage";
        /** @description The API version under `ACS3-HMAC-SHA256`. */
        AcsVersion: "2017-03-21";
        /**
         * @description Request time under `ACS3-HMAC-SHA256`, same format and window as `Timestamp`.
         * @example 2025-01-15T08:30:00Z
         */
        AcsDate: string;
        /** @description A unique random value per request under `ACS3-HMAC-SHA256`. */
        AcsSignatureNonce: string;
        /**
         * @description Lowercase hex SHA-256 of the request body (of the empty string when there is no body).
         * @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
         */
        AcsContentSha256: string;
        /** @description STS security token under `ACS3-HMAC-SHA256`. */
        AcsSecurityToken: string;
        /**
         * @description The `DeleteImage` fields in the query string, one query parameter per property
         *     (`style: form, explode: true`); list values are comma-joined (`ImageIds=a1,b2`). Required
         *     with GET and with a POST whose body is empty; absent with a POST that carries them in a
         *     form body.
         */
        DeleteImageFields: components["schemas"]["DeleteImageRequest"];
        /** @description A common parameter that legacy SDKs and the aliyun CLI add to every call. VOD does not need it and ignores it; it is signed like any other parameter. vodkit's client never sends it. */
        RegionId: string;
        /** @description An undocumented gateway field that legacy SDKs (Python, PHP) expose for this action. Accepted on the wire and ignored; vodkit's client never sends it. */
        OwnerId: string;
        /** @description An undocumented gateway field that legacy SDKs expose for this action. Accepted on the wire and ignored; vodkit's client never sends it. */
        ResourceOwnerId: string;
        /** @description An undocumented gateway field that legacy SDKs expose for this action. Accepted on the wire and ignored; vodkit's client never sends it. */
        ResourceOwnerAccount: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    DeleteImageWithQuery: {
        parameters: {
            query?: {
                /**
                 * @description The action name. Required with `HMAC-SHA1` (in the query or the form body); with `ACS3-HMAC-SHA256` send `x-acs-action` instead.
                 * @example DeleteImage
                 */
                Action?: components["parameters"]["Action"];
                /**
                 * @description The API version. Required with `HMAC-SHA1`; with `ACS3-HMAC-SHA256` send `x-acs-version` instead.
                 * @example 2017-03-21
                 */
                Version?: components["parameters"]["Version"];
                /**
                 * @description Response format with `HMAC-SHA1`. VOD's documentation gives XML as the default while other
                 *     products default to JSON, so always send it. Case-insensitive: the official SDKs send `JSON`
                 *     and `json`. `ACS3-HMAC-SHA256` calls carry no `Format` and receive JSON.
                 * @example JSON
                 */
                Format?: components["parameters"]["Format"];
                /**
                 * @description AccessKey ID (for STS credentials, the `STS.`-prefixed temporary ID). Required with `HMAC-SHA1`.
                 * @example LTAI5tExampleAccessKey
                 */
                AccessKeyId?: components["parameters"]["AccessKeyId"];
                /**
                 * @description Required with `HMAC-SHA1`.
                 * @example HMAC-SHA1
                 */
                SignatureMethod?: components["parameters"]["SignatureMethod"];
                /**
                 * @description Required with `HMAC-SHA1`.
                 * @example 1.0
                 */
                SignatureVersion?: components["parameters"]["SignatureVersion"];
                /**
                 * @description A unique random value per request (such as a UUID or 32 random hex digits); the same value within 15 minutes is rejected with `SignatureNonceUsed`. Required with `HMAC-SHA1`.
                 * @example 3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf
                 */
                SignatureNonce?: components["parameters"]["SignatureNonce"];
                /**
                 * @description Request time in UTC, ISO 8601 with second precision and a literal `Z`. Must be within 15 minutes of the server's clock. Required with `HMAC-SHA1`.
                 * @example 2025-01-15T08:30:00Z
                 */
                Timestamp?: components["parameters"]["Timestamp"];
                /** @description STS security token, required with `HMAC-SHA1` when `AccessKeyId` is a temporary (STS) key. Signed like any other parameter. */
                SecurityToken?: components["parameters"]["SecurityToken"];
                /**
                 * @description The `HMAC-SHA1` signature (Base64, then percent-encoded). Never part of its own input.
                 * @example OLeaidS1JvxuMvnyHOwuJ+uX5qY=
                 */
                Signature?: components["parameters"]["Signature"];
                /** @description A common parameter that legacy SDKs and the aliyun CLI add to every call. VOD does not need it and ignores it; it is signed like any other parameter. vodkit's client never sends it. */
                RegionId?: components["parameters"]["RegionId"];
                /** @description An undocumented gateway field that legacy SDKs (Python, PHP) expose for this action. Accepted on the wire and ignored; vodkit's client never sends it. */
                OwnerId?: components["parameters"]["OwnerId"];
                /** @description An undocumented gateway field that legacy SDKs expose for this action. Accepted on the wire and ignored; vodkit's client never sends it. */
                ResourceOwnerId?: components["parameters"]["ResourceOwnerId"];
                /** @description An undocumented gateway field that legacy SDKs expose for this action. Accepted on the wire and ignored; vodkit's client never sends it. */
                ResourceOwnerAccount?: components["parameters"]["ResourceOwnerAccount"];
                /**
                 * @description The `DeleteImage` fields in the query string, one query parameter per property
                 *     (`style: form, explode: true`); list values are comma-joined (`ImageIds=a1,b2`). Required
                 *     with GET and with a POST whose body is empty; absent with a POST that carries them in a
                 *     form body.
                 */
                DeleteImageRequest?: components["parameters"]["DeleteImageFields"];
            };
            header?: {
                /** @description The action name under `ACS3-HMAC-SHA256`. */
                "x-acs-action"?: components["parameters"]["AcsAction"];
                /** @description The API version under `ACS3-HMAC-SHA256`. */
                "x-acs-version"?: components["parameters"]["AcsVersion"];
                /**
                 * @description Request time under `ACS3-HMAC-SHA256`, same format and window as `Timestamp`.
                 * @example 2025-01-15T08:30:00Z
                 */
                "x-acs-date"?: components["parameters"]["AcsDate"];
                /** @description A unique random value per request under `ACS3-HMAC-SHA256`. */
                "x-acs-signature-nonce"?: components["parameters"]["AcsSignatureNonce"];
                /**
                 * @description Lowercase hex SHA-256 of the request body (of the empty string when there is no body).
                 * @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                 */
                "x-acs-content-sha256"?: components["parameters"]["AcsContentSha256"];
                /** @description STS security token under `ACS3-HMAC-SHA256`. */
                "x-acs-security-token"?: components["parameters"]["AcsSecurityToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["DeleteImageSucceeded"];
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["OtherError"];
        };
    };
    DeleteImage: {
        parameters: {
            query?: {
                /**
                 * @description The action name. Required with `HMAC-SHA1` (in the query or the form body); with `ACS3-HMAC-SHA256` send `x-acs-action` instead.
                 * @example DeleteImage
                 */
                Action?: components["parameters"]["Action"];
                /**
                 * @description The API version. Required with `HMAC-SHA1`; with `ACS3-HMAC-SHA256` send `x-acs-version` instead.
                 * @example 2017-03-21
                 */
                Version?: components["parameters"]["Version"];
                /**
                 * @description Response format with `HMAC-SHA1`. VOD's documentation gives XML as the default while other
                 *     products default to JSON, so always send it. Case-insensitive: the official SDKs send `JSON`
                 *     and `json`. `ACS3-HMAC-SHA256` calls carry no `Format` and receive JSON.
                 * @example JSON
                 */
                Format?: components["parameters"]["Format"];
                /**
                 * @description AccessKey ID (for STS credentials, the `STS.`-prefixed temporary ID). Required with `HMAC-SHA1`.
                 * @example LTAI5tExampleAccessKey
                 */
                AccessKeyId?: components["parameters"]["AccessKeyId"];
                /**
                 * @description Required with `HMAC-SHA1`.
                 * @example HMAC-SHA1
                 */
                SignatureMethod?: components["parameters"]["SignatureMethod"];
                /**
                 * @description Required with `HMAC-SHA1`.
                 * @example 1.0
                 */
                SignatureVersion?: components["parameters"]["SignatureVersion"];
                /**
                 * @description A unique random value per request (such as a UUID or 32 random hex digits); the same value within 15 minutes is rejected with `SignatureNonceUsed`. Required with `HMAC-SHA1`.
                 * @example 3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf
                 */
                SignatureNonce?: components["parameters"]["SignatureNonce"];
                /**
                 * @description Request time in UTC, ISO 8601 with second precision and a literal `Z`. Must be within 15 minutes of the server's clock. Required with `HMAC-SHA1`.
                 * @example 2025-01-15T08:30:00Z
                 */
                Timestamp?: components["parameters"]["Timestamp"];
                /** @description STS security token, required with `HMAC-SHA1` when `AccessKeyId` is a temporary (STS) key. Signed like any other parameter. */
                SecurityToken?: components["parameters"]["SecurityToken"];
                /**
                 * @description The `HMAC-SHA1` signature (Base64, then percent-encoded). Never part of its own input.
                 * @example OLeaidS1JvxuMvnyHOwuJ+uX5qY=
                 */
                Signature?: components["parameters"]["Signature"];
                /** @description A common parameter that legacy SDKs and the aliyun CLI add to every call. VOD does not need it and ignores it; it is signed like any other parameter. vodkit's client never sends it. */
                RegionId?: components["parameters"]["RegionId"];
                /** @description An undocumented gateway field that legacy SDKs (Python, PHP) expose for this action. Accepted on the wire and ignored; vodkit's client never sends it. */
                OwnerId?: components["parameters"]["OwnerId"];
                /** @description An undocumented gateway field that legacy SDKs expose for this action. Accepted on the wire and ignored; vodkit's client never sends it. */
                ResourceOwnerId?: components["parameters"]["ResourceOwnerId"];
                /** @description An undocumented gateway field that legacy SDKs expose for this action. Accepted on the wire and ignored; vodkit's client never sends it. */
                ResourceOwnerAccount?: components["parameters"]["ResourceOwnerAccount"];
                /**
                 * @description The `DeleteImage` fields in the query string, one query parameter per property
                 *     (`style: form, explode: true`); list values are comma-joined (`ImageIds=a1,b2`). Required
                 *     with GET and with a POST whose body is empty; absent with a POST that carries them in a
                 *     form body.
                 */
                DeleteImageRequest?: components["parameters"]["DeleteImageFields"];
            };
            header?: {
                /** @description The action name under `ACS3-HMAC-SHA256`. */
                "x-acs-action"?: components["parameters"]["AcsAction"];
                /** @description The API version under `ACS3-HMAC-SHA256`. */
                "x-acs-version"?: components["parameters"]["AcsVersion"];
                /**
                 * @description Request time under `ACS3-HMAC-SHA256`, same format and window as `Timestamp`.
                 * @example 2025-01-15T08:30:00Z
                 */
                "x-acs-date"?: components["parameters"]["AcsDate"];
                /** @description A unique random value per request under `ACS3-HMAC-SHA256`. */
                "x-acs-signature-nonce"?: components["parameters"]["AcsSignatureNonce"];
                /**
                 * @description Lowercase hex SHA-256 of the request body (of the empty string when there is no body).
                 * @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                 */
                "x-acs-content-sha256"?: components["parameters"]["AcsContentSha256"];
                /** @description STS security token under `ACS3-HMAC-SHA256`. */
                "x-acs-security-token"?: components["parameters"]["AcsSecurityToken"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The form-body shape. Leave the body empty when the fields travel in the query. */
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["DeleteImageRequest"];
            };
        };
        responses: {
            200: components["responses"]["DeleteImageSucceeded"];
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["OtherError"];
        };
    };
}
