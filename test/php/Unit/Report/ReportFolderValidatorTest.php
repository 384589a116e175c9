<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Unit\Report;

use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Report\ReportFolderValidator;
use OCA\PilotFeedback\Report\ReportStorage;
use OCP\Files\IFilenameValidator;
use OCP\Files\InvalidPathException;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

/** The report folder a user chooses: a relative path of names Nextcloud accepts, nothing that escapes. */
final class ReportFolderValidatorTest extends TestCase {
	private ReportFolderValidator $folders;

	protected function setUp(): void {
		$validator = $this->createMock(IFilenameValidator::class);
		// As Nextcloud does by default: .htaccess and names with a slash are forbidden.
		$validator->method('validateFilename')->willReturnCallback(static function (string $name): void {
			if ($name === '.htaccess' || str_contains($name, '/')) {
				throw new InvalidPathException('"' . $name . '" is a forbidden file or folder name.');
			}
		});
		$this->folders = new ReportFolderValidator($validator);
	}

	/** @return array<string, array{string}> */
	public static function refused(): array {
		return [
			'parent' => ['../elsewhere'],
			'parent inside' => ['Reports/../../x'],
			'dot' => ['Reports/./x'],
			'absolute' => ['/etc'],
			'backslash' => ['a\\b'],
			'empty part' => ['a//b'],
			'forbidden name' => ['ok/.htaccess'],
			'control character' => ["a\tb"],
			'leading space' => [' a'],
		];
	}

	#[DataProvider('refused')]
	public function testRefusesFoldersThatEscapeOrThatNextcloudForbids(string $folder): void {
		$this->expectException(ValidationException::class);
		$this->folders->validate($folder);
	}

	public function testAcceptsNestedNamesAndDropsATrailingSlash(): void {
		$this->assertSame('Pilot Feedback/Berichte 2026', $this->folders->validate('Pilot Feedback/Berichte 2026/'));
	}

	public function testEmptyRestoresTheDefault(): void {
		$this->assertSame(ReportStorage::DEFAULT_FOLDER, $this->folders->validate(''));
		$this->assertSame(ReportStorage::DEFAULT_FOLDER, $this->folders->validate(null));
	}

	public function testRefusesWhatIsNotText(): void {
		$this->expectException(ValidationException::class);
		$this->folders->validate(['a']);
	}
}
