# A página Segurança do dispositivo: o nível de segurança do host (HSI) segundo o fwupd e
# suas verificações, e as informações deste computador (inicialização segura e suas chaves,
# o TPM, o PCR 11 comparado à previsão assinada, a raiz verificada).

security-title = Segurança do dispositivo
    .keywords = segurança;segurança do dispositivo;inicialização segura;secure boot;tpm;hsi;segurança do firmware;firmware;pcr;inicialização medida;measured boot;verity;uefi;chaves;atestação;attestation;fwupd

## O título: o nível de segurança do host segundo o fwupd.
security-hsi-heading = Nível de segurança
security-hsi-level = Nível { $level } de 5
security-hsi-0 = O firmware não tem nem as proteções mais básicas: qualquer pessoa com alguns minutos e as ferramentas certas poderia mudar o que ele executa.
security-hsi-1 = Proteção básica: o firmware está protegido contra os ataques mais simples, mas não contra alguém com acesso físico por algum tempo.
security-hsi-2 = Protegido contra alguém com o computador em mãos por pouco tempo: o firmware não pode ser lido nem regravado facilmente.
security-hsi-3 = Protegido também contra ataques mais difíceis, inclusive alguns que hoje são sobretudo teóricos.
security-hsi-4 = Protegido contra ataques que exigem desmontar o computador.
security-hsi-5 = O nível mais alto: o firmware está protegido e o estado dele pode ser comprovado para terceiros.
security-hsi-runtime-issue = O “!” depois do nível: algo encontrado enquanto o sistema está em execução reduz a confiança (veja “Encontrado durante a execução” abaixo).
security-hsi-invalid = Nenhum nível de segurança
security-hsi-invalid-virtual = Esta é uma máquina virtual: o firmware dela é o que o hospedeiro fornece, então o fwupd não atribui nenhum nível. As verificações e as informações deste computador abaixo continuam valendo.
security-hsi-invalid-other = O fwupd não consegue atribuir um nível a este computador ({ $reason }). As verificações e as informações deste computador abaixo continuam valendo.
security-hsi-none = O fwupd não avalia a segurança deste tipo de computador.
security-hsi-id = ID de segurança do host: { $id }

## As verificações, agrupadas por nível.
security-checks-heading = Verificações por nível
security-level-1 = Nível 1: crítico
security-level-2 = Nível 2: importante
security-level-3 = Nível 3: teórico
security-level-4 = Nível 4: proteção do sistema
security-level-5 = Nível 5: atestação do sistema
security-level-runtime = Encontrado durante a execução
security-level-other = Outras verificações
security-passed = Aprovada
security-failed = Reprovada
security-check-state = { $check }: { $state }, { $result }
# O resultado de uma verificação ao lado do nome dela: “Aprovada” ou “Reprovada” e, depois, o que o fwupd encontrou.
security-check-outcome = { $state }, { $result }
security-checks-none = O fwupd não informou nenhuma verificação.

## Os resultados do fwupd, em palavras.
security-result-unknown = desconhecido
security-result-enabled = ativado
security-result-not-enabled = desativado
security-result-valid = válido
security-result-not-valid = inválido
security-result-locked = bloqueado
security-result-not-locked = não bloqueado
security-result-encrypted = criptografado
security-result-not-encrypted = não criptografado
security-result-tainted = comprometido
security-result-not-tainted = não comprometido
security-result-found = encontrado
security-result-not-found = não encontrado
security-result-supported = compatível
security-result-not-supported = incompatível

## As informações deste computador.
security-facts-heading = Este computador
security-facts-reading = Lendo as informações deste computador…
security-secure-boot = Inicialização segura
security-secure-boot-on = Ativada: o firmware só inicia software assinado.
security-secure-boot-off = Desativada: o firmware inicia qualquer software.
security-secure-boot-setup = Desativada, em modo de configuração: nenhuma chave de plataforma está registrada, então qualquer pessoa pode registrar chaves.
security-secure-boot-unsupported = O firmware não oferece suporte à inicialização segura.
security-secure-boot-not-uefi = O computador não foi iniciado com UEFI, então não há inicialização segura.
security-secure-boot-unreadable = Não foi possível ler o estado dela ({ $reason }).
security-keys = Chaves da inicialização segura
security-keys-own = As chaves próprias deste computador: só inicia software assinado para este sistema.
security-keys-own-microsoft = As chaves próprias deste computador; os certificados da Microsoft também são confiáveis.
security-keys-vendor = Chaves de { $vendor }. Os certificados da Microsoft não são confiáveis.
security-keys-vendor-microsoft = Chaves de { $vendor }; os certificados da Microsoft são confiáveis.
security-keys-none = Nenhuma chave de plataforma está registrada.
security-keys-not-uefi = Nenhuma: o computador não foi iniciado com UEFI.
security-keys-unreadable = Não foi possível ler as chaves registradas ({ $reason }).
security-tpm = TPM
security-tpm-2 = TPM 2.0
security-tpm-1 = TPM 1.2 (a inicialização medida precisa de TPM 2.0)
security-tpm-unknown = Um TPM de versão desconhecida
security-tpm-absent = Nenhum TPM foi encontrado.
security-pcr = Medições da inicialização
security-pcr-matches = O PCR 11 corresponde à previsão assinada: o sistema foi iniciado do jeito que foi construído.
security-pcr-matches-other-key = O PCR 11 corresponde à previsão assinada, mas a chave que acompanha a previsão não é a que a assinou.
security-pcr-differs = O PCR 11 não corresponde à previsão assinada: algo diferente do que foi construído foi medido na inicialização.
security-pcr-no-prediction = O sistema em execução não traz nenhuma previsão assinada para comparar com o PCR 11.
security-pcr-prediction-unreadable = Não foi possível ler a previsão assinada ({ $reason }).
security-pcr-unreadable = Não foi possível ler o PCR 11 ({ $reason }).
security-pcr-no-tpm = Nada é medido sem um TPM.
security-root = Arquivos do sistema
security-root-verified = Verificados: cada bloco do sistema é conferido com o hash da linha de comando assinada do kernel (dm-verity).
security-root-other-dm = Não verificados: o sistema está em { $device }, que não é um dispositivo dm-verity.
security-root-plain = Não verificados: o sistema está em { $device } sem dm-verity.
security-root-not-block = Não verificados: o sistema está na memória ({ $fstype }).
security-root-unknown = Não foi possível ler ({ $reason }).

## O registro de eventos.
security-events-heading = Mudanças
security-events-none = Nenhuma mudança foi registrada.
security-event = { $date }: { $check } mudou de “{ $before }” para “{ $after }”
security-event-now = { $date }: { $check }: { $after }
security-events-unreadable = Não foi possível ler as mudanças: { $reason }

## Copiar relatório.
security-copy = Copiar relatório
security-copied = O relatório está na área de transferência.
security-report-facts = Informações deste computador
security-report-details = Detalhes
security-report-no-fwupd = fwupd: { $reason }
security-copied-without-fwupd = O fwupd não forneceu a parte dele do relatório: o relatório na área de transferência tem só as informações deste computador.
security-dismiss = Fechar

## fwupd ausente ou com falha.
security-fwupd-not-running = O serviço de segurança de firmware não está em execução
    .body = O fwupd é necessário para o nível de segurança e as verificações. As informações deste computador estão abaixo. A página se atualiza sozinha assim que o fwupd for iniciado.
security-fwupd-unreadable = Não foi possível ler o serviço de segurança de firmware
security-error-not-running = O fwupd não está em execução.
security-error-timeout = O fwupd não respondeu a tempo.
security-error-not-authorized = O fwupd se recusou a responder.
security-error-other = O fwupd falhou: { $reason }
