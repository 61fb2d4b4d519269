import { z } from "zod";

// Request checks the gateway makes before spending anything upstream: the documented ranges of
// APERTIS-API.md. Objects stay loose: fields the console does not know pass through untouched.

const model = z.string({ error: "model must be a string" }).min(1, "model must not be empty");
const tokens = z.number().int().min(1);

export const chatSchema = z.looseObject({
  model,
  messages: z.array(z.looseObject({ role: z.string() }), { error: "messages must be an array of messages" }).min(1, "messages must not be empty"),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  n: z.number().int().min(1).max(128).nullish(),
  max_tokens: tokens.nullish(),
  max_completion_tokens: tokens.nullish(),
  frequency_penalty: z.number().min(-2).max(2).nullish(),
  presence_penalty: z.number().min(-2).max(2).nullish(),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().nullish() }).nullish(),
});

export const responsesSchema = z.looseObject({
  model,
  input: z.union([z.string(), z.array(z.unknown())]),
  instructions: z.string().nullish(),
  max_output_tokens: tokens.nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  stream: z.boolean().nullish(),
});

export const messagesSchema = z.looseObject({
  model,
  messages: z.array(z.looseObject({ role: z.string() })).min(1, "messages must not be empty"),
  max_tokens: tokens,
  temperature: z.number().min(0).max(1).nullish(),
  stream: z.boolean().nullish(),
});

export const embeddingsSchema = z.looseObject({
  model,
  input: z.union([z.string(), z.array(z.union([z.string(), z.number(), z.array(z.number())])).min(1)]),
});

export const imagesSchema = z.looseObject({
  model: model.optional(),
  prompt: z.string().min(1, "prompt must not be empty").max(32_000),
  n: z.number().int().min(1).max(10).nullish(),
  size: z.string().nullish(),
  quality: z.string().nullish(),
  style: z.string().nullish(),
  response_format: z.enum(["url", "b64_json"]).nullish(),
});

export const speechSchema = z.looseObject({
  model,
  input: z.string().min(1, "input must not be empty").max(4096, "input must be at most 4096 characters"),
  voice: z.enum(["alloy", "echo", "fable", "onyx", "nova", "shimmer", "ash", "ballad", "coral", "sage", "verse"]),
  response_format: z.enum(["mp3", "opus", "aac", "flac", "wav", "pcm"]).nullish(),
  speed: z.number().min(0.25).max(4).nullish(),
});

export const transcriptionFields = z.object({
  model,
  language: z.string().max(16).optional(),
  prompt: z.string().max(10_000).optional(),
  response_format: z.enum(["json", "text", "srt", "vtt", "verbose_json"]).optional(),
  temperature: z.coerce.number().min(0).max(1).optional(),
});
