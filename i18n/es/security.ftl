# La página Seguridad del dispositivo: el nivel de seguridad del equipo (HSI) según fwupd y
# sus comprobaciones, y los datos propios de este equipo (arranque seguro y sus claves, el
# TPM, el PCR 11 frente a la predicción firmada, la raíz verificada).

security-title = Seguridad del dispositivo
    .keywords = seguridad;seguridad del dispositivo;arranque seguro;secure boot;tpm;hsi;seguridad del firmware;firmware;pcr;arranque medido;measured boot;verity;uefi;claves;atestación;attestation;fwupd

## El titular: el nivel de seguridad del equipo según fwupd.
security-hsi-heading = Nivel de seguridad
security-hsi-level = Nivel { $level } de 5
security-hsi-0 = El firmware carece incluso de las protecciones más básicas: cualquiera con unos minutos y las herramientas adecuadas podría cambiar lo que ejecuta.
security-hsi-1 = Protección básica: el firmware está protegido contra los ataques más sencillos, pero no contra alguien con acceso físico durante un tiempo.
security-hsi-2 = Protegido contra alguien que tenga el equipo en sus manos durante poco tiempo: el firmware no se puede leer ni reescribir fácilmente.
security-hsi-3 = Protegido también contra ataques más difíciles, incluidos algunos que hoy son sobre todo teóricos.
security-hsi-4 = Protegido contra ataques que requieren desmontar el equipo.
security-hsi-5 = El nivel más alto: el firmware está protegido y su estado se puede demostrar ante terceros.
security-hsi-runtime-issue = El «!» tras el nivel: algo detectado mientras el sistema está en funcionamiento reduce la confianza (consulte «Detectado durante el funcionamiento» más abajo).
security-hsi-invalid = Sin nivel de seguridad
security-hsi-invalid-virtual = Esta es una máquina virtual: su firmware es el que proporciona el anfitrión, así que fwupd no le asigna ningún nivel. Las comprobaciones y los datos propios de este equipo que aparecen más abajo siguen siendo válidos.
security-hsi-invalid-other = fwupd no puede asignar un nivel a este equipo ({ $reason }). Las comprobaciones y los datos propios de este equipo que aparecen más abajo siguen siendo válidos.
security-hsi-none = fwupd no evalúa la seguridad de este tipo de equipo.
security-hsi-id = Identificador de seguridad del equipo: { $id }

## Las comprobaciones, agrupadas por nivel.
security-checks-heading = Comprobaciones por nivel
security-level-1 = Nivel 1: crítico
security-level-2 = Nivel 2: importante
security-level-3 = Nivel 3: teórico
security-level-4 = Nivel 4: protección del sistema
security-level-5 = Nivel 5: atestación del sistema
security-level-runtime = Detectado durante el funcionamiento
security-level-other = Otras comprobaciones
security-passed = Superada
security-failed = No superada
security-check-state = { $check }: { $state }, { $result }
# El resultado de una comprobación junto a su nombre: «Superada» o «No superada» y, después, lo que encontró fwupd.
security-check-outcome = { $state }, { $result }
security-checks-none = fwupd no informó de ninguna comprobación.

## Los resultados de fwupd, en palabras.
security-result-unknown = desconocido
security-result-enabled = activado
security-result-not-enabled = desactivado
security-result-valid = válido
security-result-not-valid = no válido
security-result-locked = bloqueado
security-result-not-locked = no bloqueado
security-result-encrypted = cifrado
security-result-not-encrypted = sin cifrar
security-result-tainted = contaminado
security-result-not-tainted = no contaminado
security-result-found = encontrado
security-result-not-found = no encontrado
security-result-supported = compatible
security-result-not-supported = no compatible

## Los datos propios de este equipo.
security-facts-heading = Este equipo
security-facts-reading = Leyendo los datos de este equipo…
security-secure-boot = Arranque seguro
security-secure-boot-on = Activado: el firmware solo inicia software firmado.
security-secure-boot-off = Desactivado: el firmware inicia cualquier software.
security-secure-boot-setup = Desactivado, en modo de configuración: no hay ninguna clave de plataforma inscrita, así que cualquiera puede inscribir claves.
security-secure-boot-unsupported = El firmware no admite el arranque seguro.
security-secure-boot-not-uefi = El equipo no se inició con UEFI, así que no hay arranque seguro.
security-secure-boot-unreadable = No se pudo leer su estado ({ $reason }).
security-keys = Claves del arranque seguro
security-keys-own = Las claves propias de este equipo: solo se inicia el software firmado para este sistema.
security-keys-own-microsoft = Las claves propias de este equipo; también se confía en los certificados de Microsoft.
security-keys-vendor = Claves de { $vendor }. No se confía en los certificados de Microsoft.
security-keys-vendor-microsoft = Claves de { $vendor }; se confía en los certificados de Microsoft.
security-keys-none = No hay ninguna clave de plataforma inscrita.
security-keys-not-uefi = Ninguna: el equipo no se inició con UEFI.
security-keys-unreadable = No se pudieron leer las claves inscritas ({ $reason }).
security-tpm = TPM
security-tpm-2 = TPM 2.0
security-tpm-1 = TPM 1.2 (el arranque medido necesita TPM 2.0)
security-tpm-unknown = Un TPM de versión desconocida
security-tpm-absent = No se encontró ningún TPM.
security-pcr = Mediciones del arranque
security-pcr-matches = El PCR 11 coincide con la predicción firmada: el sistema se inició tal como se construyó.
security-pcr-matches-other-key = El PCR 11 coincide con la predicción firmada, pero la clave que se distribuye junto a la predicción no es la que la firmó.
security-pcr-differs = El PCR 11 no coincide con la predicción firmada: al inicio se midió algo distinto de lo que se construyó.
security-pcr-no-prediction = El sistema en ejecución no lleva ninguna predicción firmada con la que comparar el PCR 11.
security-pcr-prediction-unreadable = No se pudo leer la predicción firmada ({ $reason }).
security-pcr-unreadable = No se pudo leer el PCR 11 ({ $reason }).
security-pcr-no-tpm = Sin un TPM no se mide nada.
security-root = Archivos del sistema
security-root-verified = Verificados: cada bloque del sistema se comprueba con el hash de la línea de órdenes firmada del núcleo (dm-verity).
security-root-other-dm = Sin verificar: el sistema está en { $device }, que no es un dispositivo dm-verity.
security-root-plain = Sin verificar: el sistema está en { $device } sin dm-verity.
security-root-not-block = Sin verificar: el sistema está en la memoria ({ $fstype }).
security-root-unknown = No se pudo leer ({ $reason }).

## El registro de eventos.
security-events-heading = Cambios
security-events-none = No se ha registrado ningún cambio.
security-event = { $date }: { $check } cambió de «{ $before }» a «{ $after }»
security-event-now = { $date }: { $check }: { $after }
security-events-unreadable = No se pudieron leer los cambios: { $reason }

## Copiar el informe.
security-copy = Copiar informe
security-copied = El informe está en el portapapeles.
security-report-facts = Datos propios de este equipo
security-report-details = Detalles
security-report-no-fwupd = fwupd: { $reason }
security-copied-without-fwupd = fwupd no proporcionó su parte del informe: el informe del portapapeles solo contiene los datos propios de este equipo.
security-dismiss = Cerrar

## fwupd ausente o con fallos.
security-fwupd-not-running = El servicio de seguridad del firmware no está en marcha
    .body = fwupd es necesario para el nivel de seguridad y sus comprobaciones. Los datos propios de este equipo aparecen más abajo. La página se actualiza sola en cuanto se inicie fwupd.
security-fwupd-unreadable = No se pudo leer el servicio de seguridad del firmware
security-error-not-running = fwupd no está en marcha.
security-error-timeout = fwupd no respondió a tiempo.
security-error-not-authorized = fwupd se negó a responder.
security-error-other = fwupd falló: { $reason }
