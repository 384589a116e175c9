<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Template;

use DOMElement;
use DOMNode;
use DOMXPath;

/** XPath answers as plain lists, so that a malformed query reads as "nothing found". */
final class Nodes {
	/** @return list<DOMNode> */
	public static function all(DOMXPath $xpath, string $query, ?DOMNode $context = null): array {
		$found = $xpath->query($query, $context);
		$nodes = [];
		if ($found !== false) {
			foreach ($found as $node) {
				if ($node instanceof DOMNode) {
					$nodes[] = $node;
				}
			}
		}
		return $nodes;
	}

	/** @return list<DOMElement> */
	public static function elements(DOMXPath $xpath, string $query, ?DOMNode $context = null): array {
		return array_values(array_filter(self::all($xpath, $query, $context), static fn (DOMNode $n): bool => $n instanceof DOMElement));
	}

	public static function first(DOMXPath $xpath, string $query, ?DOMNode $context = null): ?DOMNode {
		return self::all($xpath, $query, $context)[0] ?? null;
	}

	public static function element(DOMXPath $xpath, string $query, ?DOMNode $context = null): ?DOMElement {
		return self::elements($xpath, $query, $context)[0] ?? null;
	}

	public static function exists(DOMXPath $xpath, string $query, ?DOMNode $context = null): bool {
		return self::all($xpath, $query, $context) !== [];
	}
}
