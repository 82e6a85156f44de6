/**
 * The API's input as plain data, copied before zod or a handler sees it. Over Electron IPC
 * the input is already a structured clone, but the test bridge, the CLI and future
 * transports hand over live objects: a getter that throws, a Proxy, a cycle, a class
 * instance, 10,000 levels of nesting. Copying once here means validation runs on inert data
 * and every such input is refused with one Vietnamese sentence instead of an exception.
 */
import { AppError } from '../../shared/api/errors'

/** Deeper than any form or filter the app sends (the deepest contract is 4 levels). */
const MAX_DEPTH = 32
/** Items in all arrays and objects together: far above a 5,000-trip status change. */
const MAX_NODES = 500_000
/**
 * Characters in all strings together: a 20 MB workbook (the import bound) is 27 MB in
 * base64; the workbook reader then says the real limit in the clerk's words.
 */
const MAX_TEXT = 64 * 1024 * 1024

/** Keys that mean something to JavaScript objects themselves, never to the app. */
const DROPPED_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

function refuse(reason: string): never {
  throw new AppError('VALIDATION', `Dữ liệu gửi lên không đọc được: ${reason}. Không có gì bị thay đổi.`)
}

interface Budget {
  nodes: number
  text: number
}

function copy(value: unknown, depth: number, ancestors: Set<object>, budget: Budget): unknown {
  switch (typeof value) {
    case 'undefined':
    case 'boolean':
    case 'number':
      return value
    case 'string':
      budget.text += value.length
      if (budget.text > MAX_TEXT) refuse('nội dung quá lớn')
      return value
    case 'bigint':
    case 'symbol':
    case 'function':
      return refuse('có giá trị không phải chữ, số hay danh sách')
  }
  if (value === null) return null
  const object = value as object
  if (depth >= MAX_DEPTH) refuse('lồng nhau quá nhiều tầng')
  if (ancestors.has(object)) refuse('có vòng lặp')
  budget.nodes += 1
  if (budget.nodes > MAX_NODES) refuse('quá nhiều mục')
  ancestors.add(object)
  try {
    if (Array.isArray(object)) {
      const length = object.length
      if (budget.nodes + length > MAX_NODES) refuse('quá nhiều mục')
      const out: unknown[] = new Array<unknown>(length)
      for (let i = 0; i < length; i++) {
        const slot = Object.getOwnPropertyDescriptor(object, i)
        if (slot && ('get' in slot || 'set' in slot)) refuse('có giá trị tính bằng hàm')
        out[i] = copy(slot?.value, depth + 1, ancestors, budget)
      }
      return out
    }
    const proto: unknown = Object.getPrototypeOf(object)
    if (proto !== Object.prototype && proto !== null) refuse('có giá trị không phải dữ liệu thuần')
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(object)) {
      if (DROPPED_KEYS.has(key)) continue
      const slot = Object.getOwnPropertyDescriptor(object, key)
      if (!slot) continue
      if ('get' in slot || 'set' in slot) refuse('có giá trị tính bằng hàm')
      budget.nodes += 1
      out[key] = copy(slot.value, depth + 1, ancestors, budget)
    }
    return out
  } finally {
    ancestors.delete(object)
  }
}

/**
 * A plain copy of `input` (null, booleans, numbers, strings, arrays, plain objects), or a
 * VALIDATION AppError. Anything the object itself throws while being read (a Proxy trap)
 * is a refusal too.
 */
export function copyPlainInput(input: unknown): unknown {
  try {
    return copy(input, 0, new Set(), { nodes: 0, text: 0 })
  } catch (error) {
    let ours = false
    try {
      // A thrown Proxy can throw again when asked what it is.
      ours = error instanceof AppError
    } catch {
      ours = false
    }
    if (ours) throw error
    return refuse('đọc dữ liệu bị lỗi')
  }
}
