<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Template;

use ZipArchive;

/**
 * The parts of a small zip package (an ODT or DOCX report or template) in memory, to read,
 * change and write again. Reports and letterheads are a few megabytes at most.
 */
final class Package {
	/** @param array<string, string> $parts path => bytes, in package order */
	private function __construct(
		public array $parts,
	) {
	}

	/** @throws TemplateException when the bytes are no zip package */
	public static function fromBytes(string $bytes): self {
		$path = tempnam(sys_get_temp_dir(), 'pf-pkg');
		if ($path === false) {
			throw new \RuntimeException('Cannot create a temporary file');
		}
		try {
			file_put_contents($path, $bytes);
			$zip = new ZipArchive();
			if ($zip->open($path, ZipArchive::RDONLY) !== true) {
				throw new TemplateException('The file is not an OpenDocument or Word document (it is no zip package).');
			}
			$parts = [];
			for ($i = 0; $i < $zip->numFiles; $i++) {
				$name = $zip->getNameIndex($i);
				$content = $name === false ? false : $zip->getFromIndex($i);
				if ($name === false || $content === false) {
					$zip->close();
					throw new TemplateException('The file is damaged: a part of it cannot be read.');
				}
				$parts[$name] = $content;
			}
			$zip->close();
			return new self($parts);
		} finally {
			@unlink($path);
		}
	}

	public function has(string $name): bool {
		return isset($this->parts[$name]);
	}

	public function get(string $name): string {
		return $this->parts[$name] ?? '';
	}

	/** The package as zip bytes; an ODF "mimetype" part goes first and uncompressed. */
	public function toBytes(): string {
		$path = tempnam(sys_get_temp_dir(), 'pf-pkg');
		if ($path === false) {
			throw new \RuntimeException('Cannot create a temporary file');
		}
		try {
			$zip = new ZipArchive();
			if ($zip->open($path, ZipArchive::OVERWRITE) !== true) {
				throw new \RuntimeException('Cannot create a temporary zip file');
			}
			$names = array_keys($this->parts);
			if (isset($this->parts['mimetype'])) {
				$names = ['mimetype', ...array_values(array_filter($names, static fn (string $n): bool => $n !== 'mimetype'))];
			}
			foreach ($names as $name) {
				$zip->addFromString($name, $this->parts[$name]);
				$stored = $name === 'mimetype';
				$zip->setCompressionName($name, $stored ? ZipArchive::CM_STORE : ZipArchive::CM_DEFLATE, $stored ? 0 : 6);
			}
			if (!$zip->close()) {
				throw new \RuntimeException('Cannot write the zip file');
			}
			return (string)file_get_contents($path);
		} finally {
			@unlink($path);
		}
	}

	/**
	 * Parses an XML part; without it, or when it is no well-formed XML, says so.
	 *
	 * @throws TemplateException
	 */
	public function xml(string $name): \DOMDocument {
		$xml = $this->parts[$name] ?? '';
		if ($xml === '') {
			throw new TemplateException('The file has no %1$s, so it is no usable document.', [$name]);
		}
		$dom = new \DOMDocument();
		$previous = libxml_use_internal_errors(true);
		try {
			// No network, no entity expansion: LIBXML_NONET, and no LIBXML_NOENT.
			if (!$dom->loadXML($xml, LIBXML_NONET | LIBXML_COMPACT | LIBXML_PARSEHUGE)) {
				throw new TemplateException('The file\'s %1$s is damaged (no well-formed XML).', [$name]);
			}
		} finally {
			libxml_clear_errors();
			libxml_use_internal_errors($previous);
		}
		return $dom;
	}
}
